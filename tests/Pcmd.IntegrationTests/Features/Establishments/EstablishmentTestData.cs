using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Establishments;

/// <summary>What the establishment tests need beyond the HTTP helpers of <see cref="EstablishmentApi"/> and the files of
/// <see cref="XlsxBuilder"/>: names and licence numbers unique per test (the apps are shared), and the database.</summary>
public sealed class EstablishmentTestData(PcmdApp app) : TestData(app)
{
    /// <summary>A unique name or licence number cut to <paramref name="length"/> characters (an import cell has a limit).</summary>
    public string Tag(string what, int length = 40) => $"{what}-{Provider}-{Guid.NewGuid():N}"[..length];
}
