namespace Pcmd.Web.Shared;

/// <summary>A write-only, non-seekable stream that collects what a synchronous writer (<see cref="System.IO.Compression.ZipArchive"/>,
/// <see cref="System.Xml.XmlWriter"/>) writes and hands it to the response asynchronously, a chunk at a time. Kestrel refuses
/// synchronous writes to the body (they would block a thread per download), and writing to a temporary file or a
/// MemoryStream first would hold the whole file; this holds at most about one chunk.</summary>
public sealed class ChunkedBody(Stream target, int chunkBytes = 128 * 1024) : Stream
{
    readonly MemoryStream _buffer = new(chunkBytes + 16 * 1024);

    /// <summary>Sends what is collected once it reaches a chunk; call it between rows.</summary>
    public ValueTask SendIfFull(CancellationToken ct) => _buffer.Length >= chunkBytes ? Send(ct) : ValueTask.CompletedTask;

    /// <summary>Sends whatever is collected (call it once the writer is closed).</summary>
    public async ValueTask Send(CancellationToken ct)
    {
        if (_buffer.Length == 0) return;
        await target.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), ct);
        _buffer.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);
    public override void Write(ReadOnlySpan<byte> buffer) => _buffer.Write(buffer);
    public override void WriteByte(byte value) => _buffer.WriteByte(value);

    /// <summary>A writer's own Flush must not reach the response synchronously: what is collected waits for <see cref="Send"/>.</summary>
    public override void Flush() { }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _buffer.Dispose();
        base.Dispose(disposing);
    }
}
