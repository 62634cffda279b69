using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Crm;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Crm.Executions;
using Serverless.Crm.Jobs;
using Serverless.Crm.Running;
using Serverless.Host.Tests.Support;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Catalog;

namespace Serverless.Host.Tests.Crm;

/// <summary>The seed's Celery Beat jobs as the embedded host registers them, their activities run against the host's
/// real services (a clock moved forward where the job compares dates).</summary>
public sealed class CrmJobTests : IDisposable
{
    private readonly EmbeddedHostFactory factory = new();
    private readonly HttpClient http;

    public CrmJobTests() => http = factory.CreateClient();

    [Fact]
    public void TheThreeJobs_AreScheduleTriggeredWorkflows_InParisTime()
    {
        var catalog = factory.Services.GetRequiredService<IWorkflowCatalog>();
        var crons = new[] { CrmJobs.InactivityWorkflowId, CrmJobs.ScheduledWorkflowId, CrmJobs.CleanupWorkflowId }
            .Select(id => catalog.Find(id)!.Triggers.OfType<Serverless.Engine.Definitions.ScheduleTrigger>().Single())
            .ToList();
        crons.Select(t => t.Cron).Should().Equal(["0 2 * * *", "* * * * *", "0 3 * * 0"]);
        crons.Should().OnlyContain(t => t.TimeZone == "Europe/Paris");
    }

    [Fact]
    public async Task TheScheduledTick_StartsADailyWorkflowAtItsTime_Once()
    {
        var id = await CreateAsync("""
            {"name": "Rapport du matin", "trigger_type": "scheduled", "trigger_config": {"frequency": "daily", "time": "09:00"}, "status": "ACTIVE",
             "actions": [{"type": "create_activity", "config": {"type": "note", "title": "Rapport", "entity_type": "organisation", "entity_id": 1}}]}
            """);
        var tick = factory.Services.GetRequiredService<RunScheduledActivity>();

        // 08:00 UTC is 09:00 in Paris in December.
        var due = await tick.RunAsync(Context(new JsonObject { ["scheduled_for"] = "2026-12-03T08:00:00Z" }), default);
        var again = await tick.RunAsync(Context(new JsonObject { ["scheduled_for"] = "2026-12-03T08:00:00Z" }), default);
        var later = await tick.RunAsync(Context(new JsonObject { ["scheduled_for"] = "2026-12-03T08:01:00Z" }), default);

        due!["started"]!.AsArray().Should().ContainSingle().Which!.ToString().Should().Be($"crm.workflow.{id}:schedule-20261203T0800Z");
        again!["started"]!.AsArray().Select(s => s!.ToString()).Should().Equal(due["started"]!.AsArray().Select(s => s!.ToString()));
        later!["started"]!.AsArray().Should().BeEmpty();
        var executions = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/workflows/{id}/executions"))!["items"]!.AsArray();
        executions.Should().ContainSingle().Which!["triggered_by"]!.ToString().Should().Be("scheduled");
    }

    [Fact]
    public async Task TheInactivityCheck_StartsTheRelanceTemplate_OncePerStreak()
    {
        using var create = await http.PostAsync("/api/v1/workflows/templates/relance-deal-inactif/create", null);
        var id = (await create.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.ToString();
        (await http.PostAsync($"/api/v1/workflows/{id}/activate", Json("""{"status": "active"}"""))).EnsureSuccessStatusCode();
        var check = new CheckInactivityActivity(
            factory.Services.GetRequiredService<CrmWorkflowRegistry>(), factory.Services.GetRequiredService<ICrmStore>(),
            factory.Services.GetRequiredService<ICrmEventSink>(), new Later(TimeSpan.FromDays(31)));

        var first = await check.RunAsync(Context(null), default);
        var nextNight = await check.RunAsync(Context(null), default);

        first!["inactive"]!.GetValue<int>().Should().Be(1, "the demo organisation has had no activity for 31 days");
        first["started"]!.GetValue<int>().Should().Be(1);
        nextNight!["started"]!.GetValue<int>().Should().Be(1, "the same streak finds the execution it started");
        var executions = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/workflows/{id}/executions"))!["items"]!.AsArray();
        executions.Should().ContainSingle().Which!["triggered_by"]!.ToString().Should().Be("event");
    }

    [Fact]
    public async Task TheCleanup_RemovesExecutionsOlderThan90Days_WithTheirInstances()
    {
        var id = await CreateAsync("""
            {"name": "Note", "trigger_type": "manual", "status": "ACTIVE",
             "actions": [{"type": "create_activity", "config": {"type": "note", "title": "N", "entity_type": "organisation", "entity_id": 1}}]}
            """);
        using var run = await http.PostAsync($"/api/v1/workflows/{id}/execute", Json("""{"trigger_entity_type": "organisation", "trigger_entity_id": 1}"""));
        var instanceId = (await run.Content.ReadFromJsonAsync<JsonObject>())!["instance_id"]!.ToString();
        var client = factory.Services.GetRequiredService<IWorkflowClient>();
        var store = factory.Services.GetRequiredService<CrmExecutionStore>();
        var options = factory.Services.GetRequiredService<IOptions<CrmOptions>>();
        while ((await client.GetAsync(instanceId))?.EndedAt is null)
        {
            await Task.Delay(50);
        }

        var soon = await new CleanupExecutionsActivity(store, client, new Later(TimeSpan.FromDays(89)), options).RunAsync(Context(null), default);
        var after = await new CleanupExecutionsActivity(store, client, new Later(TimeSpan.FromDays(91)), options).RunAsync(Context(null), default);

        soon!["removed"]!.GetValue<int>().Should().Be(0);
        after!["removed"]!.GetValue<int>().Should().Be(1);
        (await store.GetAsync(instanceId)).Should().BeNull();
        (await client.GetAsync(instanceId)).Should().BeNull();
    }

    public void Dispose()
    {
        http.Dispose();
        factory.Dispose();
    }

    private async Task<string> CreateAsync(string json)
    {
        using var response = await http.PostAsync("/api/v1/workflows", Json(json));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.ToString();
    }

    private static ActivityContext Context(JsonObject? input) =>
        new("job-instance", "crm.jobs", "run", $"job-instance/run/{Guid.NewGuid():N}", 1, input, DryRun: false);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private sealed class Later(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }
}
