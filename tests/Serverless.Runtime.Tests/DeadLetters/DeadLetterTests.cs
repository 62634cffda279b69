using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.DeadLetters;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.DeadLetters;

public sealed class DeadLetterTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private volatile bool crmDown = true;

    private void Configure(IServiceCollection services)
    {
        services.AddWorkflowDefinition(Workflows.Parse("""
            {
              "id": "sync-deal",
              "steps": [
                { "type": "activity", "id": "read", "activity": "ok" },
                { "type": "activity", "id": "push", "activity": "crm" },
                { "type": "activity", "id": "notify", "activity": "ok" }
              ]
            }
            """));
        services.AddActivity("ok", (_, _) => Task.FromResult<JsonNode?>(new JsonObject()));
        services.AddActivity("crm", (_, _) => crmDown
            ? throw new ActivityException("Permanent", "Zoho CRM rejected the deal")
            : Task.FromResult<JsonNode?>(new JsonObject { ["dealId"] = 7 }));
    }

    [Fact]
    public async Task FailedInstance_IsListedWithStepAndReason_AndReplayFinishesIt()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure);
        var id = (await runtime.Client.StartAsync(new StartRequest("sync-deal", null))).InstanceId;
        (await runtime.WaitForEndAsync(id)).Status.Should().Be(InstanceStatus.Failed);

        var dead = (await runtime.Get<IDeadLetterStore>().ListAsync()).Instances.Should().ContainSingle().Subject;
        dead.InstanceId.Should().Be(id);
        dead.FailedStep.Should().Be("push");
        dead.Reason.Should().Contain("Zoho CRM rejected the deal");

        crmDown = false;
        (await runtime.Get<IDeadLetterStore>().ReplayInstanceAsync(id)).Should().BeTrue();
        var view = await runtime.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Completed);
        (await runtime.Get<IDeadLetterStore>().ListAsync()).Instances.Should().BeEmpty();
        (await runtime.Client.ReplayAsync(id)).Should().BeFalse("only Failed instances replay");
    }

    [Fact]
    public async Task PageAsync_FiltersByWorkflowAndPagesWithoutGapsOrRepeats()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = (await runtime.Client.StartAsync(new StartRequest("sync-deal", null))).InstanceId;
            (await runtime.WaitForEndAsync(id)).Status.Should().Be(InstanceStatus.Failed);
            ids.Add(id);
        }

        var store = runtime.Get<IDeadLetterStore>();
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.PageAsync("sync-deal", 2, token);
            page.Items.Should().HaveCountLessThanOrEqualTo(2).And.OnlyContain(e => e.IsInstance && e.FailedStep == "push");
            seen.AddRange(page.Items.Select(e => e.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        pages.Should().Be(3);
        seen.Should().BeEquivalentTo(ids).And.OnlyHaveUniqueItems();
        (await store.PageAsync("another-workflow", 10, null)).Items.Should().BeEmpty();
        await FluentActions.Awaiting(() => store.PageAsync(null, 10, "not-a-token")).Should().ThrowAsync<ArgumentException>();
    }

    public void Dispose() => folder.Dispose();
}
