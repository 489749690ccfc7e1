namespace Pcmd.Web.Shared;

/// <summary>A release (the <c>dotnet publish</c> folder) starts from any working directory: its content root (appsettings,
/// wwwroot, the address file under reference-data/) is the folder the app's assembly lies in, not the directory it was started
/// from. The source tree keeps ASP.NET Core's default (the working directory, i.e. src/Pcmd.Web under <c>dotnet run</c>), and an
/// explicit <c>--contentRoot</c> or ASPNETCORE_CONTENTROOT always wins.</summary>
public static class ReleaseLayout
{
    public static WebApplicationOptions Options(string[] args)
    {
        var explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"));
        return new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = explicitRoot || !IsPublished(AppContext.BaseDirectory) ? null : AppContext.BaseDirectory,
        };
    }

    /// <summary>A publish folder has wwwroot beside the assembly; a build output (bin/Debug) serves it from the project
    /// through the static-web-assets manifest instead.</summary>
    static bool IsPublished(string dir) =>
        Directory.Exists(Path.Combine(dir, "wwwroot")) && !File.Exists(Path.Combine(dir, "Pcmd.Web.staticwebassets.runtime.json"));
}
