namespace Pcmd.Web.Shared;

/// <summary>What PCMD accepts in an uploaded Office file (a zip of XML parts) before any parser sees it, bound from
/// configuration section <c>Pcmd:Archives</c>. The defaults leave room for the largest legitimate file, the import of
/// 100,000 establishments (7 MB zipped, 66 MB unzipped at a ratio of 10, 12 MB of shared strings), and keep any file
/// within the import benchmark's memory bound (500 MB): a 0.5 MB file once unzipped to a 512 MiB shared string.</summary>
public sealed class ArchiveLimits
{
    public const string Section = "Pcmd:Archives";

    /// <summary>Entries in the zip (an .xlsx has about ten; a .docx with photos a few hundred).</summary>
    public int MaxEntries { get; set; } = 10_000;
    /// <summary>All entries unzipped, counted as they are read (the sizes a zip declares can lie).</summary>
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;
    /// <summary>Unzipped over zipped size of one entry, for entries above <see cref="RatioFloorBytes"/>. Spreadsheet XML
    /// compresses about 10 times; a zip bomb hundreds or thousands of times.</summary>
    public int MaxCompressionRatio { get; set; } = 100;
    public long RatioFloorBytes { get; set; } = 1024 * 1024;
    /// <summary>Rows of a worksheet (the import takes 100,000 data rows; the rest is room for empty and header rows).</summary>
    public int MaxRows { get; set; } = 200_000;
    /// <summary>Columns of a worksheet: the reader allocates every row as wide as the widest column.</summary>
    public int MaxColumns { get; set; } = 100;
    /// <summary>Characters of one cell or shared string: Excel's own limit.</summary>
    public int MaxCellChars { get; set; } = 32_767;
    /// <summary>The shared-string table is held in memory while a sheet is read: its count and its characters.</summary>
    public int MaxSharedStrings { get; set; } = 2_000_000;
    public long MaxSharedStringChars { get; set; } = 40_000_000;
}

/// <summary>An uploaded file refused by <see cref="SafeArchive"/>; the message says which limit, in Vietnamese.</summary>
public sealed class ArchiveRefusedException(string message) : Exception(message);

public static class ArchiveLimitsSetup
{
    public static IServiceCollection AddArchiveLimits(this IServiceCollection services)
    {
        services.AddOptions<ArchiveLimits>().BindConfiguration(ArchiveLimits.Section);
        return services;
    }
}
