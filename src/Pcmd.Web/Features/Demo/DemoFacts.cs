namespace Pcmd.Web.Features.Demo;

/// <summary>The demo's fixed facts that several steps share.</summary>
public static class DemoFacts
{
    /// <summary>Hà Nội.</summary>
    public const string Province = "01";

    /// <summary>The day on which the demo resolves unit codes: after the 2025 reform.</summary>
    public static readonly DateOnly Today = new(2026, 1, 1);
}
