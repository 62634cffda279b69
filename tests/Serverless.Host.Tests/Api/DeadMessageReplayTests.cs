using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Serverless.Api.DeadLetters;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Api;

/// <summary>POST /api/deadletters/messages/{messageId}/replay: the answer for each outcome of the runtime's replay.</summary>
public sealed class DeadMessageReplayTests
{
    [Fact]
    public async Task Replay_Delivered_Returns202WithTheChannelAndHowManyStarted()
    {
        await using var server = await StartAsync(new DeadMessageReplay(DeadMessageReplayOutcome.Replayed, "billing:invoices", 2));

        var response = await server.Http.PostAsync("/api/deadletters/messages/m%3A1/replay", null);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await response.ReadJsonAsync()).ToJsonString().Should().Be("""{"messageId":"m:1","channel":"billing:invoices","started":2}""");
    }

    [Fact]
    public async Task Replay_UnknownId_Returns404NamingTheMessage()
    {
        await using var server = await StartAsync(new DeadMessageReplay(DeadMessageReplayOutcome.NotFound));

        var problem = await (await server.Http.PostAsync("/api/deadletters/messages/nope/replay", null)).ShouldBeProblemAsync(404);

        problem["messageId"]!.GetValue<string>().Should().Be("nope");
    }

    [Theory]
    [InlineData(DeadMessageReplayOutcome.NoSubscriber, "No workflow listens on channel 'orders' now")]
    [InlineData(DeadMessageReplayOutcome.Unreadable, "not a channel message")]
    public async Task Replay_NotDeliverable_Returns409SayingWhy(DeadMessageReplayOutcome outcome, string detail)
    {
        await using var server = await StartAsync(new DeadMessageReplay(outcome, outcome == DeadMessageReplayOutcome.NoSubscriber ? "orders" : null));

        var problem = await (await server.Http.PostAsync("/api/deadletters/messages/m-2/replay", null)).ShouldBeProblemAsync(409);

        problem["detail"]!.GetValue<string>().Should().Contain(detail);
        problem["messageId"]!.GetValue<string>().Should().Be("m-2");
    }

    [Fact]
    public async Task Replay_RuntimeWithoutMessages_Returns404()
    {
        await using var server = await ApiTestServer.StartAsync();

        await (await server.Http.PostAsync("/api/deadletters/messages/m-3/replay", null)).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task Replay_EmbeddedMessageNobodyListensTo_IsListedThenRefusedWith409AndStaysDead()
    {
        using var factory = new EmbeddedHostFactory();
        await using var host = factory.WithWebHostBuilder(b => b
            .UseSetting("Runtime:Channels:DeadLetterAfter", "00:00:00.200")
            .UseSetting("Runtime:Channels:SweepInterval", "00:00:00.100"));
        var http = host.CreateClient();
        var messageId = await host.Services.GetRequiredService<Serverless.Runtime.Channels.IChannelPublisher>()
            .PublishAsync("nobody:listens", new System.Text.Json.Nodes.JsonObject { ["n"] = 1 });

        var letter = await WaitForMessageDeadLetterAsync(http, messageId);
        letter["replayUrl"]!.GetValue<string>().Should().Be($"/api/deadletters/messages/{messageId}/replay");
        var problem = await (await http.PostAsync(letter["replayUrl"]!.GetValue<string>(), null)).ShouldBeProblemAsync(409);

        problem["channel"]!.GetValue<string>().Should().Be("nobody:listens");
        (await WaitForMessageDeadLetterAsync(http, messageId)).Should().NotBeNull("it stays in the dead letters");
        await (await http.PostAsync("/api/deadletters/messages/unknown/replay", null)).ShouldBeProblemAsync(404);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> WaitForMessageDeadLetterAsync(HttpClient http, string messageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var body = await (await http.GetAsync("/api/deadletters?limit=1000")).ReadJsonAsync();
            if (body["items"]!.AsArray().FirstOrDefault(i => i!["id"]!.GetValue<string>() == messageId) is { } letter)
            {
                letter["kind"]!.GetValue<string>().Should().Be("message");
                return letter;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Message {messageId} never reached the dead letters.");
    }

    private static Task<ApiTestServer> StartAsync(DeadMessageReplay result)
    {
        var replay = new Mock<IDeadMessageReplay>(MockBehavior.Strict);
        replay.Setup(r => r.ReplayAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(result);
        return ApiTestServer.StartAsync(configure: services => services.Replace(ServiceDescriptor.Singleton(replay.Object)));
    }
}
