using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Support;
using Serverless.Host.Web;

namespace Serverless.Host.Tests.Web;

/// <summary>The answers Kestrel gives before the application runs carry problem+json like every other error, over
/// a real socket to the real host; ordinary responses on a kept-alive connection pass through unchanged.</summary>
public sealed class KestrelRefusalTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder data = new();
    private HostProcess host = null!;

    public async Task InitializeAsync()
    {
        host = HostProcess.Start(data.Path, HostProcess.FreePort());
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => data.Dispose();

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", 400)]
    [InlineData("GET /api/health HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n", 400)]
    public async Task MalformedRequest_Is400ProblemJson(string request, int status)
    {
        var (head, body) = await SendRawAsync(Encoding.ASCII.GetBytes(request));

        head.Should().StartWith($"HTTP/1.1 {status} ").And.Contain("Content-Type: application/problem+json");
        JsonNode.Parse(body)!["status"]!.GetValue<int>().Should().Be(status);
    }

    [Fact]
    public async Task HeadersOverTheLimit_Are431ProblemJson()
    {
        var request = $"GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('a', 40_000)}\r\n\r\n";

        var (head, body) = await SendRawAsync(Encoding.ASCII.GetBytes(request));

        head.Should().StartWith("HTTP/1.1 431 ").And.Contain("Content-Type: application/problem+json");
        var problem = JsonNode.Parse(body)!;
        problem["status"]!.GetValue<int>().Should().Be(431);
        problem["title"]!.GetValue<string>().Should().Be("Request Header Fields Too Large");
    }

    [Fact]
    public async Task RequestTargetOverTheLimit_Is414ProblemJson()
    {
        var (head, body) = await SendRawAsync(Encoding.ASCII.GetBytes($"GET /api/health?q={new string('a', 10_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n"));

        head.Should().StartWith("HTTP/1.1 414 ").And.Contain("Content-Type: application/problem+json");
        JsonNode.Parse(body)!["status"]!.GetValue<int>().Should().Be(414);
    }

    [Fact]
    public void Rewrite_LeavesOrdinaryResponsesAlone()
    {
        KestrelRefusals.Rewrite("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"u8).Should().BeNull();
        KestrelRefusals.Rewrite("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"u8).Should().BeNull("a kept-alive answer is the application's");
        KestrelRefusals.Rewrite("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8)
            .Should().BeNull("it already has a type");
        KestrelRefusals.Rewrite("{\"a\":1}"u8).Should().BeNull();
    }

    private async Task<(string Head, string Body)> SendRawAsync(byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", host.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(request);
        using var reader = new MemoryStream();
        await stream.CopyToAsync(reader).WaitAsync(TimeSpan.FromSeconds(20));
        var text = Encoding.UTF8.GetString(reader.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (text[..split], text[(split + 4)..]);
    }
}
