using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Pcmd.IntegrationTests.Features.Notifications;

/// <summary>One mail as the test SMTP server received it, with the subject and body decoded.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Subject, string Body, string Raw);

/// <summary>Just enough of an SMTP server on 127.0.0.1 for the outbox tests: greets, accepts EHLO/HELO, MAIL, RCPT, DATA and
/// QUIT, and records each message. <see cref="RefuseData"/> answers DATA with 451, as a server that is briefly unable.</summary>
public sealed partial class SmtpListener : IAsyncDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _stop = new();
    readonly Task _accepting;
    public ConcurrentQueue<ReceivedMail> Received { get; } = new();
    public volatile bool RefuseData;
    /// <summary>A mailbox this server does not know: RCPT TO it answers 550, as a server refuses an address for good.</summary>
    public volatile string? UnknownRecipient;
    public int Port { get; }

    public SmtpListener()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Accept();
    }

    async Task Accept()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => Serve(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { }
    }

    async Task Serve(TcpClient client)
    {
        using var _ = client;
        // Bounded: a test never hangs on a client that stops talking.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.Latin1);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        string from = "";
        var to = new List<string>();
        try
        {
            await writer.WriteLineAsync("220 localhost test SMTP");
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO": await writer.WriteLineAsync("250 localhost"); break;
                    case "MAIL": from = Address(line); to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                    case "RCPT" when Address(line) == UnknownRecipient: await writer.WriteLineAsync("550 5.1.1 User unknown"); break;
                    case "RCPT": to.Add(Address(line)); await writer.WriteLineAsync("250 OK"); break;
                    case "RSET" or "NOOP": await writer.WriteLineAsync("250 OK"); break;
                    case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                    case "DATA" when RefuseData: await writer.WriteLineAsync("451 4.3.0 Try again later"); break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var raw = new StringBuilder();
                        while (await reader.ReadLineAsync(ct) is { } data && data != ".")
                            raw.Append(data.StartsWith("..") ? data[1..] : data).Append("\r\n");
                        Received.Enqueue(Parse(from, to.ToList(), raw.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    default: await writer.WriteLineAsync("502 Command not implemented"); break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException) { }
    }

    static string Address(string line) => line[(line.IndexOf('<') + 1)..line.IndexOf('>')];

    /// <summary>Unfolds the headers, decodes RFC 2047 words in the subject and the body's transfer encoding (UTF-8).</summary>
    static ReceivedMail Parse(string from, List<string> to, string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = Regex.Replace(raw[..split], "\r\n[ \t]+", " ");
        var body = raw[(split + 4)..];
        string? Header(string name) => Regex.Match(head, $"^{name}:[ ]?(.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase) is { Success: true } m
            ? m.Groups[1].Value.TrimEnd('\r') : null;
        var subject = EncodedWord().Replace(Regex.Replace(Header("Subject") ?? "", @"\?=\s+=\?", "?==?"), m =>
        {
            var bytes = m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(m.Groups[3].Value)
                : QuotedPrintable(m.Groups[3].Value.Replace('_', ' '));
            return Encoding.GetEncoding(m.Groups[1].Value).GetString(bytes);
        });
        var decoded = (Header("Content-Transfer-Encoding") ?? "").Trim().ToLowerInvariant() switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", ""))),
            "quoted-printable" => Encoding.UTF8.GetString(QuotedPrintable(body.Replace("=\r\n", ""))),
            _ => Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(body)),
        };
        return new ReceivedMail(from, to, subject, decoded.TrimEnd('\r', '\n'), raw);
    }

    static byte[] QuotedPrintable(string s)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '=' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
            {
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.Add((byte)s[i]);
        }
        return bytes.ToArray();
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
