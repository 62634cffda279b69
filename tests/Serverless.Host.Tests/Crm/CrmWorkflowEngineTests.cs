using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Crm;

/// <summary>The CRM workflow engine through the real embedded host (SQLite runtime, demo CRM, sandbox connectors):
/// change events start the active workflows once, loop protection cuts cascades, versions, dry runs, import/export.</summary>
public sealed class CrmWorkflowEngineTests : IDisposable
{
    private readonly EmbeddedHostFactory factory = new();
    private readonly HttpClient http;

    public CrmWorkflowEngineTests() => http = factory.CreateClient();

    [Fact]
    public async Task DealStageChange_StartsTheOnboardingTemplate_WhichRunsItsFourActions()
    {
        var id = await CreateFromTemplateAsync("onboarding-nouveau-client");
        await ActivateAsync(id);

        using var patch = await http.PatchAsync("/api/v1/crm/deals/1", Json("""{"stage": "SIGNÉ"}"""));
        patch.StatusCode.Should().Be(HttpStatusCode.OK);
        patch.Headers.GetValues("X-Crm-Workflows-Started").Should().Equal("1");

        var execution = await SingleFinishedExecutionAsync(id);
        execution["status"]!.ToString().Should().Be("SUCCESS", execution.ToJsonString());
        execution["triggered_by"]!.ToString().Should().Be("event");
        execution["actions_executed"]!.AsArray().Select(a => a!["type"]!.ToString())
            .Should().Equal(["send_email", "create_task", "create_task", "send_notification"]);
        var email = execution["actions_executed"]![0]!["output"]!;
        email["to"]![0]!.ToString().Should().Be("contact@alforis-demo.example");

        var store = factory.Services.GetRequiredService<ICrmStore>();
        var tasks = await store.ListAsync<CrmTask>();
        tasks.Select(t => t.Title).Should().BeEquivalentTo(["Appel de bienvenue Alforis Demo", "Envoyer documents Alforis Demo"]);
        (tasks.Single(t => t.Title.StartsWith("Appel", StringComparison.Ordinal)).Due!.Value - DateTimeOffset.UtcNow).TotalDays.Should().BeInRange(2.9, 3.1);
        (await store.ListAsync<Notification>("user_id", "1")).Should().ContainSingle().Which.Body.Should().Contain("80000");
    }

    [Fact]
    public async Task AnOrganisationCreatedAbove50k_AlertsTheManager_Below_IsSkipped()
    {
        var id = await CreateFromTemplateAsync("alerte-manager-deal-50k");
        await ActivateAsync(id);

        using var big = await http.PostAsync("/api/v1/crm/organisations", Json("""{"name": "Grand Compte", "owner_id": 2, "montant_potentiel": 120000}"""));
        using var small = await http.PostAsync("/api/v1/crm/organisations", Json("""{"name": "Petit Compte", "owner_id": 2, "montant_potentiel": 20000}"""));
        big.Headers.GetValues("X-Crm-Workflows-Started").Should().Equal("1");

        var executions = await WaitAsync(async () =>
        {
            var list = await ExecutionsAsync(id);
            return list.Count == 2 && list.All(e => e["status"]!.ToString() is "SUCCESS" or "SKIPPED" or "FAILED") ? list : null;
        });
        executions.Select(e => e["status"]!.ToString()).Should().BeEquivalentTo(["SUCCESS", "SKIPPED"]);
        var alert = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/workflows/{id}/executions/{executions.Single(e => e["status"]!.ToString() == "SUCCESS")["id"]}"))!;
        alert["actions_executed"]![0]!["output"]!["to"]![0]!.ToString().Should().Be("claire.martin@example.com", "the owner's manager");
        (await factory.Services.GetRequiredService<ICrmStore>().ListAsync<Notification>("user_id", "1")).Should().ContainSingle()
            .Which.Body.Should().Contain("Grand Compte");
    }

    [Fact]
    public async Task TheSameChangeDeliveredTwice_StartsEachWorkflowOnce()
    {
        var id = await CreateFromTemplateAsync("onboarding-nouveau-client");
        await ActivateAsync(id);
        var sink = factory.Services.GetRequiredService<ICrmEventSink>();
        var change = new CrmChangeEvent
        {
            EventId = "hubspot-4242",
            Channel = "crm.deal.stage_changed",
            EntityType = "deal",
            EntityId = "1",
            Before = new JsonObject { ["id"] = "1", ["title"] = "T", ["stage"] = "PROPOSITION", ["organisation_id"] = "1" },
            After = new JsonObject { ["id"] = "1", ["title"] = "T", ["stage"] = "SIGNÉ", ["organisation_id"] = "1", ["owner_id"] = "2" },
            Extra = new JsonObject { ["from_stage"] = "PROPOSITION", ["to_stage"] = "SIGNÉ" },
        };

        var first = await sink.PublishAsync(change);
        var second = await sink.PublishAsync(change);

        first.Started.Should().ContainSingle();
        second.Started.Should().Equal(first.Started, "a redelivered event finds the execution it started");
        (await SingleFinishedExecutionAsync(id))["event_id"]!.ToString().Should().Be("hubspot-4242");
    }

    [Fact]
    public async Task AnUpdateFieldThatRetriggersItsOwnWorkflow_IsCutByLoopProtection_AndTheStopIsInTheLog()
    {
        var id = await CreateAsync("""
            {"name": "Horodatage", "trigger_type": "deal_updated", "status": "ACTIVE",
             "actions": [{"type": "update_field", "config": {"entity_type": "deal", "field": "touched_at", "value": "{{event_id}}"}}]}
            """);

        (await http.PatchAsync("/api/v1/crm/deals/1", Json("""{"title": "Renommé"}"""))).EnsureSuccessStatusCode();

        var executions = await WaitAsync(async () =>
        {
            var list = await ExecutionsAsync(id);
            return list.Count == 5 && list.All(e => e["status"]!.ToString() != "PENDING" && e["status"]!.ToString() != "RUNNING") ? list : null;
        });
        executions.Should().HaveCount(5, "Crm:MaxCascadeDepth is 5 by default");
        var last = await http.GetFromJsonAsync<JsonObject>($"/api/v1/workflows/{id}/executions/{executions[0]["id"]}");
        last!["actions_executed"]![0]!["output"]!["workflows"]!["stopped"]!.ToString().Should().Contain("Loop protection");
        await Task.Delay(500);
        (await ExecutionsAsync(id)).Should().HaveCount(5, "nothing runs after the cut");
    }

    [Fact]
    public async Task AnUpdate_IsANewVersion_WithADiff_AndARollback()
    {
        var id = await CreateFromTemplateAsync("alerte-manager-deal-50k");
        using var update = await http.PutAsync($"/api/v1/workflows/{id}", Json("""{"description": "Seuil relevé", "conditions": {"operator": "AND", "rules": [{"field": "organisation.montant_potentiel", "operator": ">", "value": 100000}]}}"""));
        var updated = await update.Content.ReadFromJsonAsync<JsonObject>();
        var activated = await ActivateAsync(id);
        var diff = await http.GetFromJsonAsync<JsonObject>($"/api/v1/workflows/{id}/diff?from=1&to=2");
        using var rollback = await http.PostAsync($"/api/v1/workflows/{id}/rollback", Json("""{"version": 1}"""));
        var rolledBack = await rollback.Content.ReadFromJsonAsync<JsonObject>();
        var versions = await http.GetFromJsonAsync<JsonObject>($"/api/v1/workflows/{id}/versions");

        updated!["version"]!.GetValue<int>().Should().Be(2);
        activated["version"]!.GetValue<int>().Should().Be(2, "a status change is not a new version");
        diff!["changes"]!.AsArray().Select(c => c!["path"]!.ToString())
            .Should().BeEquivalentTo(["$.description", "$.conditions.rules[0].value"]);
        rolledBack!["version"]!.GetValue<int>().Should().Be(3);
        rolledBack["status"]!.ToString().Should().Be("ACTIVE");
        rolledBack["conditions"]!["rules"]![0]!["value"]!.GetValue<int>().Should().Be(50000);
        versions!["items"]!.AsArray().Select(v => v!["change"]!.ToString()).Should().HaveCount(3).And.Contain(c => c.Contains("rollback to version 1"));
    }

    [Fact]
    public async Task ADryRun_ShowsEveryAction_AndChangesNothing()
    {
        var id = await CreateFromTemplateAsync("relance-deal-inactif");
        using var run = await http.PostAsync($"/api/v1/workflows/{id}/execute",
            Json("""{"trigger_entity_type": "organisation", "trigger_entity_id": 1, "dry_run": true}"""));
        var preview = await run.Content.ReadFromJsonAsync<JsonObject>();

        run.StatusCode.Should().Be(HttpStatusCode.OK);
        preview!["dry_run"]!.GetValue<bool>().Should().BeTrue();
        preview["status"]!.ToString().Should().Be("SUCCESS", preview.ToJsonString());
        preview["actions_executed"]!.AsArray().Select(a => a!["output"]!["dry_run"]!.GetValue<bool>()).Should().AllBeEquivalentTo(true);
        preview["actions_executed"]![1]!["output"]!["task"]!["title"]!.ToString().Should().Be("Relancer client Alforis Demo");
        var store = factory.Services.GetRequiredService<ICrmStore>();
        (await store.ListAsync<CrmTask>()).Should().BeEmpty();
        (await store.ListAsync<Notification>()).Should().BeEmpty();
        (await ExecutionsAsync(id)).Should().BeEmpty("a dry run is shown, not recorded");
    }

    [Fact]
    public async Task AnInvalidWorkflow_IsRefused_WithEveryProblemByItsJsonPath()
    {
        using var response = await http.PostAsync("/api/v1/workflows", Json("""
            {"name": "X", "trigger_type": "deal_stage_change",
             "conditions": {"operator": "AND", "rules": [{"field": "organisation.pipeline_stage", "operator": "in", "value": "PROPOSITION"}]},
             "actions": [{"type": "send_email", "config": {"to": "a@example.com"}}]}
            """));
        var problem = await response.ShouldBeProblemAsync(400);
        problem["errors"]!.AsObject().Select(p => p.Key).Should().Contain(["$.trigger_type", "$.conditions.rules[0].value", "$.actions[0].config.subject"]);
        problem["errors"]!["$.trigger_type"]![0]!.ToString().Should().Contain("did you mean 'deal_stage_changed'");
        (await http.GetFromJsonAsync<JsonObject>("/api/v1/workflows"))!["total"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task ExportThenImport_AndDuplicate_GiveTheSameDefinition()
    {
        var id = await CreateFromTemplateAsync("onboarding-nouveau-client");
        var exported = await http.GetFromJsonAsync<JsonObject>($"/api/v1/workflows/{id}/export");
        using var import = await http.PostAsync("/api/v1/workflows/import", Json($"[{exported!.ToJsonString()}]"));
        var imported = (await import.Content.ReadFromJsonAsync<JsonObject>())!["items"]![0]!;
        using var duplicate = await http.PostAsync($"/api/v1/workflows/{id}/duplicate", null);
        var copy = await duplicate.Content.ReadFromJsonAsync<JsonObject>();

        import.StatusCode.Should().Be(HttpStatusCode.Created);
        JsonNode.DeepEquals(imported["actions"], exported["actions"]).Should().BeTrue();
        imported["id"]!.GetValue<long>().Should().NotBe(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        copy!["name"]!.ToString().Should().Be("Onboarding nouveau client (copie)");
        copy["status"]!.ToString().Should().Be("DRAFT");
        JsonNode.DeepEquals(copy["trigger_config"], exported["trigger_config"]).Should().BeTrue();
    }

    [Fact]
    public async Task Lists_FilterByStatusTriggerAndTemplate_AndPage()
    {
        await CreateFromTemplateAsync("onboarding-nouveau-client");
        var active = await CreateFromTemplateAsync("alerte-manager-deal-50k");
        await ActivateAsync(active);
        await CreateAsync("""{"name": "Modèle", "trigger_type": "manual", "is_template": true, "actions": [{"type": "add_tag", "config": {"entity_type": "deal", "entity_id": 1, "tag": "vip"}}]}""");

        (await ListAsync("?status=ACTIVE")).Should().Equal([active]);
        (await ListAsync("?trigger_type=DEAL_STAGE_CHANGED")).Should().HaveCount(1);
        (await ListAsync("?is_template=true")).Should().HaveCount(1);
        (await ListAsync("?skip=1&limit=1")).Should().HaveCount(1);
        (await http.GetAsync("/api/v1/workflows?status=ON")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AWebhookWorkflow_IsStartedByItsRoute_OnlyWhenActive_AndItsAuthHolds()
    {
        var open = await CreateAsync("""
            {"name": "Hook", "trigger_type": "webhook", "trigger_config": {"auth": "none"},
             "actions": [{"type": "add_tag", "config": {"entity_type": "deal", "entity_id": "{{trigger_data.deal}}", "tag": "hook"}}]}
            """);
        var signed = await CreateAsync("""
            {"name": "Signed", "trigger_type": "webhook", "trigger_config": {"auth": "hmac"}, "status": "ACTIVE",
             "actions": [{"type": "add_tag", "config": {"entity_type": "deal", "entity_id": 1, "tag": "x"}}]}
            """);

        using var draft = await http.PostAsync($"/api/v1/workflows/{open}/webhook", Json("""{"deal": 1}"""));
        await ActivateAsync(open);
        using var started = await http.PostAsync($"/api/v1/workflows/{open}/webhook", Json("""{"deal": 1}"""));
        using var unsigned = await http.PostAsync($"/api/v1/workflows/{signed}/webhook", Json("""{"deal": 1}"""));

        await draft.ShouldBeProblemAsync(409);
        started.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await unsigned.ShouldBeProblemAsync(401);
        var execution = await SingleFinishedExecutionAsync(open);
        execution["status"]!.ToString().Should().Be("SUCCESS", execution.ToJsonString());
        execution["triggered_by"]!.ToString().Should().Be("webhook");
        (await factory.Services.GetRequiredService<ICrmStore>().GetAsync<Deal>("1"))!.Tags.Should().Contain("hook");
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheWorkflowApi()
    {
        var document = await http.GetFromJsonAsync<JsonObject>("/api/openapi.json");
        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain(["/api/v1/workflows", "/api/v1/workflows/{id}", "/api/v1/workflows/{id}/execute", "/api/v1/workflows/{id}/stats",
            "/api/v1/workflows/templates/list", "/api/v1/workflows/{id}/diff", "/api/v1/crm/organisations", "/api/v1/notifications/stream"]);
    }

    public void Dispose()
    {
        http.Dispose();
        factory.Dispose();
    }

    private async Task<List<string>> ListAsync(string query) =>
        [.. (await http.GetFromJsonAsync<JsonObject>("/api/v1/workflows" + query))!["items"]!.AsArray().Select(w => w!["id"]!.ToString())];

    private async Task<string> CreateFromTemplateAsync(string template)
    {
        using var response = await http.PostAsync($"/api/v1/workflows/templates/{template}/create", null);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.ToString();
    }

    private async Task<string> CreateAsync(string json)
    {
        using var response = await http.PostAsync("/api/v1/workflows", Json(json));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.ToString();
    }

    private async Task<JsonObject> ActivateAsync(string id)
    {
        using var response = await http.PostAsync($"/api/v1/workflows/{id}/activate", Json("""{"status": "active"}"""));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<List<JsonObject>> ExecutionsAsync(string id) =>
        [.. (await http.GetFromJsonAsync<JsonObject>($"/api/v1/workflows/{id}/executions"))!["items"]!.AsArray().Select(e => e!.AsObject())];

    private async Task<JsonObject> SingleFinishedExecutionAsync(string id)
    {
        var summary = await WaitAsync(async () => (await ExecutionsAsync(id)).SingleOrDefault(e => e["status"]!.ToString() is "SUCCESS" or "FAILED" or "SKIPPED"));
        return (await http.GetFromJsonAsync<JsonObject>($"/api/v1/workflows/{id}/executions/{summary["id"]}"))!;
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the executions should finish within a minute");
            await Task.Delay(100);
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
