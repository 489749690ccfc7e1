using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Communication;

/// <summary>What the activity tests need beyond <see cref="TestData"/>: unique names per provider and unit ids.</summary>
public sealed class ActivityTestData(PcmdApp app) : TestData(app);
