using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Channels;
using Serverless.Runtime.DeadLetters;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Channels;

public sealed class ChannelTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static void Configure(IServiceCollection services)
    {
        services.AddWorkflowDefinition(Workflows.Parse("""
            {
              "id": "detect-winner",
              "steps": [ { "type": "emit", "id": "signal", "channel": "mkt:agent:1:signals",
                           "payload": { "engagement": "{{trigger.body.engagement}}" } } ]
            }
            """));
        services.AddWorkflowDefinition(Workflows.Parse("""
            {
              "id": "amplify",
              "triggers": [ { "type": "event", "channel": "mkt:agent:1:signals",
                              "condition": { "path": "payload.engagement", "op": ">", "value": 5 } } ],
              "steps": [ { "type": "activity", "id": "propose", "activity": "noop" } ]
            }
            """));
        services.AddWorkflowDefinition(Workflows.Parse("""
            {
              "id": "only-huge",
              "triggers": [ { "type": "event", "channel": "mkt:agent:1:signals",
                              "condition": { "path": "payload.engagement", "op": ">", "value": 1000 } } ],
              "steps": [ { "type": "activity", "id": "propose", "activity": "noop" } ]
            }
            """));
        services.AddActivity("noop", (_, _) => Task.FromResult<JsonNode?>(null));
    }

    [Fact]
    public async Task Emit_MatchingSubscriber_StartsOncePerMessage()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure);

        var id = (await runtime.Client.StartAsync(new StartRequest("detect-winner", new JsonObject { ["engagement"] = 9 }))).InstanceId;
        await runtime.WaitForEndAsync(id);
        var consumerId = ChannelRouter.ConsumerInstanceId("amplify", $"{id}:signal");
        var consumer = await runtime.WaitForEndAsync(consumerId);

        consumer.Status.Should().Be(InstanceStatus.Completed);
        consumer.Input!["engagement"]!.GetValue<int>().Should().Be(9);
        await runtime.Get<IChannelPublisher>().PublishAsync("mkt:agent:1:signals", new JsonObject { ["engagement"] = 9 }, $"{id}:signal");
        (await runtime.Client.ListAsync(new InstanceQuery(WorkflowId: "amplify"))).Items.Should().ContainSingle();
        (await runtime.Client.ListAsync(new InstanceQuery(WorkflowId: "only-huge"))).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task PublishAsync_NobodyConsumesWithinTheLimit_GoesToTheDeadLettersAndCanBeRedelivered()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure);
        var publisher = runtime.Get<IChannelPublisher>();
        var sweeper = runtime.Get<MessageSweeper>();

        var messageId = await publisher.PublishAsync("mkt:agent:1:signals", new JsonObject { ["engagement"] = 1 });
        (await sweeper.SweepAsync()).Should().BeEmpty();
        clock.Advance(TimeSpan.FromHours(25));
        (await sweeper.SweepAsync()).Should().Equal(messageId);

        var dead = await runtime.Get<IDeadLetterStore>().ListAsync();
        dead.Messages.Should().ContainSingle().Which.Channel.Should().Be("mkt:agent:1:signals");
        (await runtime.Get<IDeadLetterStore>().RedeliverMessageAsync(messageId)).Should().Be(new MessageRedelivery("mkt:agent:1:signals", 0));
        (await runtime.Get<IDeadLetterStore>().RedeliverMessageAsync("unknown")).Should().BeNull();
    }

    [Fact]
    public async Task RedeliverMessageAsync_SubscriberAddedSinceTheMessageDied_StartsItAndTheMessageLeavesTheDeadLetters()
    {
        string messageId;
        await using (var before = await RuntimeHarness.StartAsync(folder.Path, clock, Configure))
        {
            messageId = await before.Get<IChannelPublisher>().PublishAsync("billing:invoices", new JsonObject { ["invoice"] = "F-17" });
            clock.Advance(TimeSpan.FromHours(25));
            (await before.Get<MessageSweeper>().SweepAsync()).Should().Equal(messageId);
        }

        // A restart with a workflow listening on the channel (a definition deployed after the message died).
        await using var after = await RuntimeHarness.StartAsync(folder.Path, clock, services =>
        {
            Configure(services);
            services.AddWorkflowDefinition(Workflows.Parse("""
                {
                  "id": "book-invoice",
                  "triggers": [ { "type": "event", "channel": "billing:invoices" } ],
                  "steps": [ { "type": "activity", "id": "book", "activity": "noop" } ]
                }
                """));
        });
        var store = after.Get<IDeadLetterStore>();

        (await store.RedeliverMessageAsync(messageId)).Should().Be(new MessageRedelivery("billing:invoices", 1));

        var consumer = await after.WaitForEndAsync(ChannelRouter.ConsumerInstanceId("book-invoice", messageId));
        consumer.Status.Should().Be(InstanceStatus.Completed);
        consumer.Input!["invoice"]!.GetValue<string>().Should().Be("F-17");
        (await store.ListAsync()).Messages.Should().BeEmpty();
        (await store.RedeliverMessageAsync(messageId)).Should().BeNull("a consumed message is no dead letter");
    }

    public void Dispose() => folder.Dispose();
}
