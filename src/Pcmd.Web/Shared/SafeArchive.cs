using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;

namespace Pcmd.Web.Shared;

/// <summary>Checks an uploaded Office file (.xlsx, .docx: a zip) against <see cref="ArchiveLimits"/> before any parser
/// opens it. Nothing the zip declares is trusted: the entries are counted in the central directory itself, and every
/// entry is unzipped and its bytes counted as they come, stopping at the first limit passed, so that checking a bomb
/// costs no more than the limits. A spreadsheet's XML parts are also read with an XmlReader that counts rows, columns
/// and the characters of each cell and shared string, because the reader that follows (ExcelDataReader) holds every
/// shared string and each cell's value whole in memory. Nothing is ever kept: memory stays a few buffers.</summary>
public static class SafeArchive
{
    /// <summary>Throws <see cref="ArchiveRefusedException"/> past a limit and <see cref="InvalidDataException"/> when the
    /// stream is not a zip. The stream must be seekable; it is left open at position 0.</summary>
    public static void Check(Stream stream, ArchiveLimits limits, bool spreadsheet)
    {
        stream.Position = 0;
        var entries = CountEntries(stream, limits.MaxEntries);
        if (entries > limits.MaxEntries)
            throw new ArchiveRefusedException($"Tệp nén có hơn {ViFormat.Number(limits.MaxEntries)} thành phần, vượt giới hạn cho phép.");
        stream.Position = 0;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > limits.MaxEntries)
                throw new ArchiveRefusedException($"Tệp nén có hơn {ViFormat.Number(limits.MaxEntries)} thành phần, vượt giới hạn cho phép.");
            // What the zip declares first: a naive bomb is refused without unzipping anything.
            long declared = 0;
            foreach (var e in zip.Entries)
            {
                declared += e.Length;
                if (declared > limits.MaxUncompressedBytes) throw TooLarge(limits);
                if (e.Length > limits.RatioFloorBytes && e.Length > Math.Max(1, e.CompressedLength) * limits.MaxCompressionRatio) throw Ratio(limits);
            }
            var budget = new Budget(limits);
            var sharedStrings = new SharedStringCount();
            foreach (var e in zip.Entries)
            {
                if (e.FullName.EndsWith('/')) continue;
                using var guard = new GuardStream(e.Open(), budget, e.CompressedLength, spreadsheet ? 6L * limits.MaxCellChars + 4096 : null);
                if (spreadsheet && guard.LooksLikeXml()) ScanSpreadsheetXml(guard, limits, sharedStrings);
                else guard.Drain();
            }
        }
        stream.Position = 0;
    }

    static ArchiveRefusedException TooLarge(ArchiveLimits l) =>
        new($"Tệp khi giải nén lớn hơn {ViFormat.Number(l.MaxUncompressedBytes / 1024 / 1024)} MB, vượt giới hạn cho phép.");

    static ArchiveRefusedException Ratio(ArchiveLimits l) =>
        new($"Tệp có thành phần nén hơn {ViFormat.Number(l.MaxCompressionRatio)} lần, bất thường với tệp văn phòng (nghi là tệp nén độc hại); tệp bị từ chối.");

    static ArchiveRefusedException CellTooLong(ArchiveLimits l) =>
        new($"Bảng tính có ô hoặc chuỗi dài hơn {ViFormat.Number(l.MaxCellChars)} ký tự (giới hạn của Excel), vượt giới hạn cho phép.");

    /// <summary>The number of records in the central directory, walked from the end-of-central-directory record (zip64
    /// too), stopping at <paramref name="max"/> + 1; -1 when there is no such record (not a zip: the zip reader says so).
    /// System.IO.Compression would build an object for every record before anyone could count them.</summary>
    static long CountEntries(Stream s, int max)
    {
        var length = s.Length;
        var tail = new byte[(int)Math.Min(length, 22 + 65535 + 20)];
        s.Position = length - tail.Length;
        s.ReadExactly(tail);
        var eocd = -1;
        for (var i = tail.Length - 22; i >= 0; i--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == 0x06054b50) { eocd = i; break; }
        if (eocd < 0) return -1;
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(eocd + 16));
        if (offset == 0xFFFFFFFF && eocd >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(eocd - 20)) == 0x07064b50)
        {
            var record = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(eocd - 12));
            if (record < 0 || record > length - 56) return -1;
            var z = new byte[56];
            s.Position = record;
            s.ReadExactly(z);
            offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(z.AsSpan(48));
        }
        var header = new byte[46];
        long count = 0;
        while (offset >= 0 && offset <= length - 46 && count <= max)
        {
            s.Position = offset;
            s.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 0x02014b50) break;
            count++;
            offset += 46L + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30))
                + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
        }
        return count;
    }

    sealed class Budget(ArchiveLimits limits)
    {
        public ArchiveLimits Limits { get; } = limits;
        long _used;
        public void Take(int n)
        {
            _used += n;
            if (_used > Limits.MaxUncompressedBytes) throw TooLarge(Limits);
        }
    }

    sealed class SharedStringCount
    {
        public long Strings;
        public long Chars;
    }

    /// <summary>Counts the unzipped bytes of one entry against the budget and its ratio, and (XML parts of a spreadsheet)
    /// the longest stretch between two '&lt;': every XML node lies within one, so the XmlReader reading from here never
    /// buffers more than that, whatever the text, whitespace or attribute.</summary>
    sealed class GuardStream(Stream inner, Budget budget, long compressed, long? maxStretch) : Stream
    {
        long _count, _stretch;
        readonly byte[] _head = new byte[64];
        int _headLength = -1, _headPos;

        public bool LooksLikeXml()
        {
            _headLength = inner.ReadAtLeast(_head, _head.Length, throwOnEndOfStream: false);
            Count(_head.AsSpan(0, _headLength));
            var span = _head.AsSpan(0, _headLength);
            if (span.Length >= 2 && (span[0], span[1]) is (0xFF, 0xFE) or (0xFE, 0xFF)) return true; // UTF-16
            if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF) span = span[3..];
            span = span.TrimStart(" \t\r\n"u8);
            return span.Length > 0 && span[0] == (byte)'<';
        }

        public void Drain()
        {
            var buffer = new byte[81920];
            while (Read(buffer, 0, buffer.Length) > 0) { }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_headLength > _headPos)
            {
                var n = Math.Min(count, _headLength - _headPos);
                _head.AsSpan(_headPos, n).CopyTo(buffer.AsSpan(offset));
                _headPos += n;
                return n;
            }
            var read = inner.Read(buffer, offset, count);
            Count(buffer.AsSpan(offset, read));
            return read;
        }

        void Count(ReadOnlySpan<byte> data)
        {
            budget.Take(data.Length);
            _count += data.Length;
            var l = budget.Limits;
            if (_count > l.RatioFloorBytes && _count > Math.Max(1, compressed) * l.MaxCompressionRatio) throw Ratio(l);
            if (maxStretch is not { } max) return;
            while (data.Length > 0)
            {
                var lt = data.IndexOf((byte)'<');
                _stretch += lt < 0 ? data.Length : lt;
                if (_stretch > max) throw CellTooLong(l);
                if (lt < 0) return;
                _stretch = 0;
                data = data[(lt + 1)..];
            }
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    static readonly XmlReaderSettings Xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true, CloseInput = false,
    };

    /// <summary>Any XML part of a spreadsheet, whatever its name (the workbook's relationships, not the name, say which
    /// part is a sheet): rows and columns of worksheets, the characters of each cell (inline strings, values, formulas)
    /// and of each shared string, the count and characters of the shared strings.</summary>
    static void ScanSpreadsheetXml(Stream part, ArchiveLimits l, SharedStringCount shared)
    {
        using var r = XmlReader.Create(part, Xml);
        // Values are counted in chunks through one buffer, never made into strings: a sheet has millions of them.
        var buffer = new char[4096];
        long rows = 0, column = 0, chars = 0;
        // The cell or shared string whose text is being counted (its depth), or -1: text elsewhere counts per node.
        int container = -1;
        var inSharedString = false;
        try
        {
            while (r.Read())
            {
                switch (r.NodeType)
                {
                    case XmlNodeType.Element:
                        switch (r.LocalName)
                        {
                            case "dimension":
                                if (r.GetAttribute("ref") is { } dim && Cell(dim[(dim.LastIndexOf(':') + 1)..]) is { } end) Grid(l, end.Column, end.Row);
                                break;
                            case "row":
                                rows++;
                                column = 0;
                                Grid(l, 0, r.MoveToAttribute("r") && long.TryParse(Attribute(r, buffer), out var index) ? Math.Max(index, rows) : rows);
                                r.MoveToElement();
                                break;
                            case "c":
                                var empty = r.IsEmptyElement;
                                column = r.MoveToAttribute("r") && Cell(Attribute(r, buffer)) is { Column: > 0 } cell ? cell.Column : column + 1;
                                r.MoveToElement();
                                Grid(l, column, 0);
                                (chars, container, inSharedString) = (0, empty ? -1 : r.Depth, false);
                                break;
                            case "si":
                                (chars, container, inSharedString) = (0, r.IsEmptyElement ? -1 : r.Depth, true);
                                if (++shared.Strings > l.MaxSharedStrings)
                                    throw new ArchiveRefusedException($"Bảng tính có hơn {ViFormat.Number(l.MaxSharedStrings)} chuỗi dùng chung, vượt giới hạn cho phép.");
                                break;
                        }
                        break;
                    case XmlNodeType.EndElement when r.Depth == container:
                        (container, inSharedString) = (-1, false);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                        long n = 0;
                        for (int read; (read = r.ReadValueChunk(buffer, 0, buffer.Length)) > 0;) n += read;
                        chars = container < 0 ? n : chars + n;
                        if (chars > l.MaxCellChars) throw CellTooLong(l);
                        if (inSharedString && (shared.Chars += n) > l.MaxSharedStringChars)
                            throw new ArchiveRefusedException($"Các chuỗi dùng chung của bảng tính dài hơn {ViFormat.Number(l.MaxSharedStringChars)} ký tự, vượt giới hạn cho phép.");
                        break;
                }
            }
        }
        catch (XmlException)
        {
            throw new ArchiveRefusedException("Tệp có phần dữ liệu XML hỏng, không đọc được.");
        }
    }

    /// <summary>The attribute the reader is on, read through <paramref name="buffer"/> (a cell reference or a row number:
    /// a longer value is none of these).</summary>
    static ReadOnlySpan<char> Attribute(XmlReader r, char[] buffer)
    {
        var n = 0;
        for (int read; n < 64 && (read = r.ReadValueChunk(buffer, n, 64)) > 0;) n += read;
        return n < 32 ? buffer.AsSpan(0, n) : "";
    }

    static void Grid(ArchiveLimits l, long column, long row)
    {
        if (column > l.MaxColumns) throw new ArchiveRefusedException($"Trang tính có dữ liệu ở quá {ViFormat.Number(l.MaxColumns)} cột, vượt giới hạn cho phép.");
        if (row > l.MaxRows) throw new ArchiveRefusedException($"Trang tính có hơn {ViFormat.Number(l.MaxRows)} dòng, vượt giới hạn cho phép.");
    }

    /// <summary>"AB12" → (28, 12), one-based; null when it is not a cell reference.</summary>
    public static (long Column, long Row)? Cell(ReadOnlySpan<char> reference)
    {
        long c = 0, row = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]) && c < 100_000_000; i++) c = c * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        var letters = i;
        for (; i < reference.Length && char.IsAsciiDigit(reference[i]) && row < 100_000_000_000; i++) row = row * 10 + (reference[i] - '0');
        return letters == 0 || i != reference.Length ? null : (c, row);
    }
}
