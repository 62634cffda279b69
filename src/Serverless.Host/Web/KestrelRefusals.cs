using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Serverless.Host.Web;

/// <summary>Kestrel answers some requests itself, before the application sees them (a malformed request line,
/// headers over its limits: 400, 414, 431, ...), with an empty body. This connection middleware gives those
/// answers a problem+json body like every other error of the host. Kestrel's refusals are recognisable: a 4xx or
/// 5xx status line, Content-Length: 0 and Connection: close, written in one piece as the last bytes of the
/// connection. Everything else passes through untouched.</summary>
public static class KestrelRefusals
{
    public static KestrelServerOptions AnswerRefusalsWithProblems(this KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => context =>
        {
            context.Transport = new RefusalRewritingPipe(context.Transport);
            return next(context);
        }));
        return kestrel;
    }

    /// <summary>The response with a problem body, or null when <paramref name="written"/> is not a Kestrel refusal.</summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> written)
    {
        if (written.Length is < 17 or > 2048 || !written.StartsWith("HTTP/1.1 "u8) || !written.EndsWith("\r\n\r\n"u8))
        {
            return null;
        }

        var text = Encoding.ASCII.GetString(written);
        if (!int.TryParse(text.AsSpan(9, 3), out var status) || !Titles.TryGetValue(status, out var title)
            || !text.Contains("\r\nContent-Length: 0\r\n", StringComparison.OrdinalIgnoreCase)
            || !text.Contains("\r\nConnection: close\r\n", StringComparison.OrdinalIgnoreCase)
            || text.Contains("\r\nContent-Type:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var body = Encoding.UTF8.GetBytes(
            $$"""{"type":"https://www.rfc-editor.org/rfc/rfc9110","title":"{{title}}","status":{{status}},"detail":"{{Details.GetValueOrDefault(status, "The server refused the request before it reached the application.")}}"}""");
        var headers = text[..^2]
            .Replace("\r\nContent-Length: 0\r\n", $"\r\nContent-Type: application/problem+json\r\nContent-Length: {body.Length}\r\n", StringComparison.OrdinalIgnoreCase);
        return [.. Encoding.ASCII.GetBytes(headers + "\r\n"), .. body];
    }

    private static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "Bad Request",
        [405] = "Method Not Allowed",
        [408] = "Request Timeout",
        [411] = "Length Required",
        [413] = "Content Too Large",
        [414] = "URI Too Long",
        [417] = "Expectation Failed",
        [431] = "Request Header Fields Too Large",
        [501] = "Not Implemented",
        [505] = "HTTP Version Not Supported",
    };

    private static readonly Dictionary<int, string> Details = new()
    {
        [400] = "The request line or headers are not valid HTTP/1.1; the server refused it before it reached the application.",
        [408] = "The request headers or body did not arrive in time.",
        [413] = "The request body is larger than the server accepts (Api:MaxRequestBodyBytes).",
        [414] = "The request target (path and query) is longer than the server accepts.",
        [431] = "The request headers are larger than the server accepts (32 KB in all, by Kestrel's limits).",
    };

    /// <summary>The connection with its output passed through <see cref="RefusalRewritingStream"/>.</summary>
    private sealed class RefusalRewritingPipe(IDuplexPipe inner) : IDuplexPipe
    {
        public PipeReader Input => inner.Input;

        public PipeWriter Output { get; } = PipeWriter.Create(new RefusalRewritingStream(inner.Output.AsStream()), new StreamPipeWriterOptions(leaveOpen: false));
    }

    private sealed class RefusalRewritingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(Rewrite(buffer) ?? buffer);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(Rewrite(buffer.Span) is { } problem ? problem : buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
