using System.Reflection;

namespace Pcmd.Web.Shared;

/// <summary>Data files compiled into the application (reference catalogues, demo agencies and plans, schema scripts),
/// so that a fresh start needs nothing beside the binary and the address package.</summary>
public static class EmbeddedFiles
{
    public static IEnumerable<(string Name, string Text)> Read(string prefix)
    {
        var asm = Assembly.GetExecutingAssembly();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var r = new StreamReader(asm.GetManifestResourceStream(name)!);
            yield return (name, r.ReadToEnd());
        }
    }
}
