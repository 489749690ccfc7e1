using System.Diagnostics;
using System.Text;

namespace Pcmd.UnitTests.Features.Reporting.Documents;

/// <summary>Runs LibreOffice (headless) and pdftotext for the round-trip tests. A missing tool fails the test rather
/// than skipping it: a skipped check of the official documents would pass unnoticed on a machine set up by hand.</summary>
static class LibreOffice
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Converts <paramref name="file"/> with <c>--convert-to <paramref name="filter"/></c> into
    /// <paramref name="outDir"/> and returns the files it wrote. Each call has its own user profile, so tests running
    /// in parallel do not fight over one (LibreOffice refuses a profile in use and exits without converting).</summary>
    public static IReadOnlyList<string> Convert(string file, string filter, string outDir)
    {
        var profile = Path.Combine(Path.GetTempPath(), "lo-" + Guid.NewGuid().ToString("N"));
        var before = Directory.GetFiles(outDir).ToHashSet();
        try
        {
            var result = Run(Tool("libreoffice"), [$"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                "--convert-to", filter, "--outdir", outDir, file]);
            var written = Directory.GetFiles(outDir).Where(f => !before.Contains(f)).ToList();
            if (result.ExitCode != 0 || written.Count == 0)
                Assert.Fail($"libreoffice --convert-to {filter} {file} wrote nothing (exit {result.ExitCode}).\nstdout: {result.Stdout}\nstderr: {result.Stderr}");
            return written;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The text of a PDF as <c>pdftotext -layout</c> gives it, in NFC (so it compares with C# literals).</summary>
    public static string PdfText(string pdf)
    {
        var result = Run(Tool("pdftotext"), ["-layout", "-enc", "UTF-8", pdf, "-"]);
        if (result.ExitCode != 0) Assert.Fail($"pdftotext {pdf} failed (exit {result.ExitCode}).\nstderr: {result.Stderr}");
        return result.Stdout.Normalize(NormalizationForm.FormC);
    }

    static string Tool(string name)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin");
        var path = dirs.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        if (path is null)
            Assert.Fail($"'{name}' is not installed; the report-document tests need LibreOffice and poppler-utils. " +
                "Run ./test.sh, which installs libreoffice-writer-nogui, libreoffice-calc-nogui, poppler-utils and fonts-liberation2.");
        return path!;
    }

    sealed record Result(int ExitCode, string Stdout, string Stderr);

    static Result Run(string exe, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Timeout))
        {
            p.Kill(entireProcessTree: true);
            stderr.Wait(TimeSpan.FromSeconds(5));
            Assert.Fail($"{exe} {string.Join(' ', psi.ArgumentList)} did not finish in {Timeout.TotalSeconds} s.\nstderr: {Tail(stderr)}");
        }
        p.WaitForExit(); // flushes the redirected streams
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    static string Tail(Task<string> output) => output.IsCompleted ? output.Result : "(still running)";
}
