namespace Pcmd.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource.resx (Vietnamese, the default) and
/// SharedResource.en.resx (English).</summary>
public sealed class SharedResource;
