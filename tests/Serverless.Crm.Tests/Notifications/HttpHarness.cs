using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Crm.Tests.Notifications;

/// <summary>Requests for the shared handlers and their results executed as a host would.</summary>
internal static class HttpHarness
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    public static HttpRequest Get(string path, string query = "", IDictionary<string, string>? headers = null)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    public static async Task<(int Status, string? ContentType, string Body)> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()));
    }
}

/// <summary>A response body another thread can read while the handler still writes to it.</summary>
internal sealed class SharedTextStream : Stream
{
    private readonly StringBuilder text = new();

    public string Text
    {
        get
        {
            lock (text)
            {
                return text.ToString();
            }
        }
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public async Task<string> WaitForAsync(string fragment, Action? between = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Text.Contains(fragment, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{fragment}' never came; the stream holds:\n{Text}");
            }

            between?.Invoke();
            await Task.Delay(20);
        }

        return Text;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (text)
        {
            text.Append(Encoding.UTF8.GetString(buffer, offset, count));
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
