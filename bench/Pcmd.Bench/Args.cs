namespace Pcmd.Bench;

/// <summary>"command --name value --flag …".</summary>
public sealed class Args
{
    public string Command { get; private init; } = "";
    readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The bench PostgreSQL cluster of the README (port 55440), unless --connection or $PCMD_BENCH_PG says otherwise.</summary>
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55440;Username=postgres;Database=postgres;Pooling=true";

    public static Args Parse(string[] args)
    {
        var a = new Args { Command = args.Length > 0 ? args[0] : "" };
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            var name = args[i][2..];
            string? value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            a._values[name] = value;
        }
        return a;
    }

    public bool Has(string name) => _values.ContainsKey(name);
    public string? Get(string name) => _values.GetValueOrDefault(name);
    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Get(name) is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public string Connection => Get("connection") ?? Environment.GetEnvironmentVariable("PCMD_BENCH_PG") ?? DefaultPostgres;
}
