using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Api.DeadLetters;
using Serverless.Engine.Interpreter;
using Serverless.Functions.Channels;
using Serverless.Functions.Durable.Tests.Support;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;

namespace Serverless.Functions.Durable.Tests.Channels;

/// <summary>Emit steps through the Azure Storage channel queue (Azurite) and its queue trigger.</summary>
public sealed class ChannelQueueTests
{
    private const string Producer = """
        {
          "id": "producer", "version": 1, "triggers": [{ "type": "manual" }],
          "steps": [
            { "id": "announce", "type": "emit", "channel": "orders", "payload": { "order": "{{input.order}}" } }
          ]
        }
        """;

    private const string Lonely = """
        {
          "id": "lonely", "version": 1, "triggers": [{ "type": "manual" }],
          "steps": [
            { "id": "announce", "type": "emit", "channel": "nobody-home", "payload": { "order": "{{input.order}}" } }
          ]
        }
        """;

    private const string Consumer = """
        {
          "id": "consumer", "version": 1,
          "triggers": [{ "type": "event", "channel": "orders", "condition": { "path": "payload.order", "op": "!=", "value": "skip" } }],
          "steps": [
            { "id": "take", "type": "activity", "activity": "test.take", "input": { "order": "{{input.order}}" } }
          ],
          "output": { "took": "{{steps.take.output.order}}" }
        }
        """;

    [Fact]
    public async Task Emit_ListenedChannel_StartsConsumerOnceWithPayload()
    {
        var calls = 0;
        await using var harness = await StartAsync(() => Interlocked.Increment(ref calls));

        var producer = await harness.Client.StartAsync(new StartRequest("producer", new JsonObject { ["order"] = "A-1" }));
        (await harness.WaitForEndAsync(producer.InstanceId)).Status.Should().Be(InstanceStatus.Completed);

        var consumerId = await WaitForConsumerAsync(harness);
        var consumer = await harness.WaitForEndAsync(consumerId);
        consumer.Status.Should().Be(InstanceStatus.Completed);
        consumer.Output!["took"]!.GetValue<string>().Should().Be("A-1");
        calls.Should().Be(1);
    }

    [Fact]
    public async Task Deliver_SameMessageTwice_StartsEachSubscriberOnce()
    {
        await using var harness = await StartAsync(() => { });
        var queue = harness.Services.GetRequiredService<ChannelQueue>();
        var message = new Serverless.Functions.Durable.ChannelMessage("m-42", "orders", """{"order":"B-2"}""", "outside");

        await queue.SendAsync(message, CancellationToken.None);
        await queue.SendAsync(message, CancellationToken.None);

        var consumerId = await WaitForConsumerAsync(harness);
        consumerId.Should().Be("consumer:m-42");
        await harness.WaitForEndAsync(consumerId);
        await Task.Delay(500);
        var page = await harness.Client.ListAsync(new InstanceQuery(WorkflowId: "consumer"));
        page.Items.Should().ContainSingle();
    }

    [Fact]
    public async Task Emit_ChannelNobodyListensTo_IsListedAsMessageDeadLetterWithReason()
    {
        await using var harness = await StartAsync(() => { });

        var producer = await harness.Client.StartAsync(new StartRequest("lonely", new JsonObject { ["order"] = "C-3" }));
        await harness.WaitForEndAsync(producer.InstanceId);

        var letter = await WaitForDeadLetterAsync(harness);
        letter.Kind.Should().Be(DeadLetterKinds.Message);
        letter.Channel.Should().Be("nobody-home");
        letter.Reason.Should().Contain("No workflow listens on channel 'nobody-home'");
    }

    [Fact]
    public async Task Deliver_BodyThatNeverParses_MovesToPoisonAfterMaxDequeueCount()
    {
        await using var harness = await StartAsync(() => { }, new Dictionary<string, string?> { ["Channels:Queue:MaxDequeueCount"] = "2" });
        var queue = harness.Services.GetRequiredService<ChannelQueue>();
        var messages = await queue.MessagesAsync();

        await messages.SendMessageAsync("not json");

        var letter = await WaitForDeadLetterAsync(harness, timeoutMs: 20_000);
        letter.Kind.Should().Be(DeadLetterKinds.Message);
        letter.Reason.Should().Contain("Delivery failed 2 times");
        harness.QueueTrigger.Failures.Should().Be(2);
    }

    [Fact]
    public async Task ReplayDeadMessage_ParkedOnAListenedChannel_StartsTheConsumerOnceAndLeavesThePoisonQueue()
    {
        await using var harness = await StartAsync(() => { });
        var queue = harness.Services.GetRequiredService<ChannelQueue>();
        var replay = harness.Services.GetRequiredService<IDeadMessageReplay>();
        await queue.ParkAsync(new Serverless.Functions.Durable.ChannelMessage("m-77", "orders", """{"order":"D-4"}""", "outside"),
            "Delivery failed 5 times.", CancellationToken.None);
        await queue.ParkAsync(new Serverless.Functions.Durable.ChannelMessage("m-78", "nobody-home", "{}", "outside"),
            "No workflow listens on channel 'nobody-home'.", CancellationToken.None);
        (await WaitForDeadLetterAsync(harness)).Id.Should().Be("m-77");

        (await replay.ReplayAsync("m-77", CancellationToken.None)).Should().Be(new DeadMessageReplay(DeadMessageReplayOutcome.Replayed, "orders", 1));
        (await replay.ReplayAsync("m-78", CancellationToken.None)).Should().Be(new DeadMessageReplay(DeadMessageReplayOutcome.NoSubscriber, "nobody-home"));
        (await replay.ReplayAsync("m-79", CancellationToken.None)).Outcome.Should().Be(DeadMessageReplayOutcome.NotFound);

        var consumer = await harness.WaitForEndAsync("consumer:m-77");
        consumer.Output!["took"]!.GetValue<string>().Should().Be("D-4");
        var letters = await harness.Services.GetRequiredService<IDeadLetterReader>().ListAsync(new DeadLetterQuery(null, 10, null), CancellationToken.None);
        letters.Items.Where(l => l.Kind == DeadLetterKinds.Message).Select(l => l.Id).Should().Equal("m-78");
        (await replay.ReplayAsync("m-77", CancellationToken.None)).Outcome.Should().Be(DeadMessageReplayOutcome.NotFound, "it left the poison queue");
    }

    private static Task<DurableHarness> StartAsync(Action onTake, IDictionary<string, string?>? settings = null) =>
        DurableHarness.StartAsync(services => services
            .AddDefinition(Producer)
            .AddDefinition(Lonely)
            .AddDefinition(Consumer)
            .AddActivity("test.take", (context, _) =>
            {
                onTake();
                return Task.FromResult<JsonNode?>(context.Input?.DeepClone());
            }), settings);

    private static async Task<string> WaitForConsumerAsync(DurableHarness harness)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var page = await harness.Client.ListAsync(new InstanceQuery(WorkflowId: "consumer"));
            if (page.Items.Count > 0)
            {
                return page.Items[0].InstanceId;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No consumer instance was started.");
    }

    private static async Task<DeadLetter> WaitForDeadLetterAsync(DurableHarness harness, int timeoutMs = 10_000)
    {
        var reader = harness.Services.GetRequiredService<IDeadLetterReader>();
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var page = await reader.ListAsync(new DeadLetterQuery(null, 10, null), CancellationToken.None);
            if (page.Items.FirstOrDefault(l => l.Kind == DeadLetterKinds.Message) is { } letter)
            {
                return letter;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No message dead letter appeared. " + JsonSerializer.Serialize(harness.QueueTrigger.Failures));
    }
}
