using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Connectors.Sandbox;
using Serverless.Helpdesk;
using Serverless.Host.Tests.Support;
using Serverless.Runtime.Abstractions;

namespace Serverless.Host.Tests.Helpdesk;

/// <summary>The helpdesk batch (seed 001) through the embedded host as a fresh checkout runs it: the demo backlog in
/// the sandbox Zoho Desk / CRM, refresh, status, a dry run, then real runs against the sandbox.</summary>
public sealed class HelpdeskSandboxTests : IDisposable
{
    private readonly EmbeddedHostFactory factory = new();
    private readonly HttpClient http;

    public HelpdeskSandboxTests() => http = factory.CreateClient();

    [Fact]
    public async Task Refresh_DryRun_ThenRealRuns_AgainstTheSandbox()
    {
        (await HelpdeskApi.RefreshAsync(http))["pending"]!.GetValue<int>().Should().Be(12);

        var dry = await HelpdeskApi.WaitAsync(http, await HelpdeskApi.StartAsync(http, """{"count": 12, "dry_run": true, "delay": 0}"""));

        dry["status"]!.GetValue<string>().Should().Be("Completed");
        var summary = dry["summary"]!;
        summary["by_action"]!.ToJsonString().Should().Be("""{"GO":7,"ROUTE":1,"NEEDS_CLARIFICATION":1,"DUPLICATE_UBER":1,"STOPPED_EXAM_DATE_PASSED":2}""");
        summary["drafts_created"]!.GetValue<int>().Should().Be(8, "a dry run counts the drafts it would have made");
        dry["results"]!.AsArray().Should().OnlyContain(r => !r!["draft_created"]!.GetValue<bool>() && !r["output"]!["crm_updated"]!.GetValue<bool>());
        var status = await HelpdeskApi.StatusAsync(http);
        status["pending"]!.GetValue<int>().Should().Be(12, "a dry run takes nothing off the pending list");
        status["processed"]!.GetValue<int>().Should().Be(0);
        (await SandboxOperationsAsync(dry["batch_id"]!.GetValue<string>())).Should().Contain(["CreateDraftReplyAsync", "UpdateAsync", "AddPrivateCommentAsync", "MoveTicketAsync"],
            "the dry run shows every write it would have made, through the sandbox");

        var first = await HelpdeskApi.WaitAsync(http, await HelpdeskApi.StartAsync(http, """{"count": 5, "delay": 0}"""));
        first["summary"]!["total"]!.GetValue<int>().Should().Be(5);
        first["results"]!.AsArray().Where(r => r!["triage_action"]!.GetValue<string>() == "GO").Should().OnlyContain(r => r!["draft_created"]!.GetValue<bool>());
        status = await HelpdeskApi.StatusAsync(http);
        status["pending"]!.GetValue<int>().Should().Be(7);
        status["processed"]!.GetValue<int>().Should().Be(5);

        var second = await HelpdeskApi.WaitAsync(http, await HelpdeskApi.StartAsync(http, """{"count": 12, "delay": 0}"""));
        var firstIds = first["results"]!.AsArray().Select(r => r!["ticket_id"]!.GetValue<string>()).ToList();
        var secondIds = second["results"]!.AsArray().Select(r => r!["ticket_id"]!.GetValue<string>()).ToList();
        secondIds.Should().HaveCount(7).And.NotIntersectWith(firstIds, "no ticket is processed twice");
        (await HelpdeskApi.StatusAsync(http))["pending"]!.GetValue<int>().Should().Be(0);
        (await HelpdeskApi.StatusAsync(http))["summary"]!["by_action"]!["GO"]!.GetValue<int>().Should().Be(7);
    }

    [Fact]
    public async Task TheSeedsV3Result_ComesOutForACas8Candidate_WithTheSameFields()
    {
        await HelpdeskApi.RefreshAsync(http);

        // Ticket 2 of the demo backlog: registrations for their exam closed 3 days ago, the exam is in 10 days.
        var batch = await HelpdeskApi.WaitAsync(http, await HelpdeskApi.StartAsync(http, """{"ticket": "198709000449000002", "delay": 0}"""));
        var result = HelpdeskApi.Result(batch, "198709000449000002");

        Shape(result).Should().BeEquivalentTo(Shape(SeedV3Result()), "the result has every field of the seed's v3 structure");
        result["stage"]!.GetValue<string>().Should().Be("COMPLETED");
        result["triage_action"]!.GetValue<string>().Should().Be("GO");
        result["draft_created"]!.GetValue<bool>().Should().BeTrue();
        var vars = result["template_vars"]!;
        vars["date_case"]!.GetValue<int>().Should().Be(8);
        vars["deadline_passed_reschedule"]!.GetValue<bool>().Should().BeTrue();
        vars["new_exam_date"]!.GetValue<string>().Should().NotBe(vars["original_exam_date"]!.GetValue<string>());
        vars["sessions_proposees"]!.AsArray().Should().OnlyContain(s => s!["type"]!.GetValue<string>() == "soir", "the candidate asked for evening sessions");
        result["output"]!["crm_updated"]!.GetValue<bool>().Should().BeTrue();
        result["output"]!["crm_updates"]!.AsObject().Select(p => p.Key).Should().Equal("Date_examen_VTC");
        result["output"]!["draft_content"]!.GetValue<string>().Should().Contain("Vous êtes automatiquement repositionné(e) sur l'examen du " + vars["new_exam_date"]);
        result["error"].Should().BeNull();
    }

    [Theory]
    [InlineData("""{"count": 0}""", "count")]
    [InlineData("""{"count": "ten"}""", "count")]
    [InlineData("""{"delay": -1}""", "delay")]
    [InlineData("""{"ticket": "1; drop"}""", "ticket")]
    [InlineData("""{"today": "03/02/2026"}""", "today")]
    [InlineData("""{"cuont": 3}""", "cuont")]
    public async Task ABadBatchRequest_Is400NamingTheField_AndStartsNothing(string body, string field)
    {
        var response = await http.PostAsync("/api/v1/helpdesk/batches", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().Should().Contain(field);
        var instances = await factory.Services.GetRequiredService<IWorkflowClient>().ListAsync(new InstanceQuery(HelpdeskNames.BatchWorkflow));
        instances.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task StartingWhileABatchRuns_ResumesThatBatch()
    {
        await HelpdeskApi.RefreshAsync(http);
        var first = await HelpdeskApi.StartAsync(http, """{"count": 3, "delay": 2, "dry_run": true}""");

        using var again = await http.PostAsync("/api/v1/helpdesk/batches", new StringContent("""{"count": 10}""", Encoding.UTF8, "application/json"));

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        answer["batch_id"]!.GetValue<string>().Should().Be(first);
        answer["resumed"]!.GetValue<bool>().Should().BeTrue();
        answer["dry_run"]!.GetValue<bool>().Should().BeTrue("the running batch keeps its own settings");
        (await HelpdeskApi.WaitAsync(http, first))["summary"]!["total"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task AFailingTicket_IsRecordedWithItsReason_AndTheBatchGoesOn()
    {
        var batch = await HelpdeskApi.WaitAsync(http, await HelpdeskApi.StartAsync(http, """{"ticket": "999", "delay": 0}"""));

        batch["status"]!.GetValue<string>().Should().Be("Completed");
        batch["summary"]!["failed"]!.GetValue<int>().Should().Be(1);
        var failure = HelpdeskApi.Result(batch, "999");
        failure["success"]!.GetValue<bool>().Should().BeFalse();
        failure["error"]!.GetValue<string>().Should().Contain("999");
        var status = await HelpdeskApi.StatusAsync(http);
        status["failures"]!.AsArray().Should().ContainSingle(f => f!["id"]!.GetValue<string>() == "999");
    }

    private async Task<IReadOnlyList<string>> SandboxOperationsAsync(string batchId)
    {
        var workflows = factory.Services.GetRequiredService<IWorkflowClient>();
        var children = await workflows.ListAsync(new InstanceQuery(HelpdeskNames.TicketWorkflow, Limit: 100));
        var log = factory.Services.GetRequiredService<ISandboxCallLog>();
        var operations = new List<string>();
        foreach (var child in children.Items.Where(c => c.InstanceId.StartsWith(batchId, StringComparison.Ordinal)))
        {
            operations.AddRange((await log.ListAsync(child.InstanceId, default)).Select(c => c.Operation));
        }

        return operations;
    }

    /// <summary>Every field path of a JSON value (objects by key; arrays by their first item), values left out.</summary>
    private static List<string> Shape(JsonNode? node, string path = "$")
    {
        var paths = new List<string> { path };
        switch (node)
        {
            case JsonObject obj:
                paths.AddRange(obj.SelectMany(p => Shape(p.Value, $"{path}.{p.Key}")));
                break;
            case JsonArray { Count: > 0 } array:
                paths.AddRange(Shape(array[0], path + "[]").Skip(1));
                break;
        }

        return paths;
    }

    /// <summary>The seed's "Structure des Résultats (mise à jour v3)" (the values do not matter here, only the fields),
    /// with template_vars' CAS 8 fields the seed names (deadline_passed_reschedule, original_exam_date, new_exam_date,
    /// new_exam_date_cloture, sessions_proposees).</summary>
    private static JsonNode SeedV3Result() => JsonNode.Parse(SeedV3)!;

    private const string SeedV3 = """
        {
          "ticket_id": "198709000449...", "deal_id": "1456177001...", "success": true, "stage": "COMPLETED",
          "triage_action": "GO", "draft_created": true,
          "triage": { "detected_intent": "DEMANDE_CHANGEMENT_SESSION", "secondary_intents": ["DEMANDE_DATES_FUTURES"],
            "intent_context": { "session_preference": "jour", "is_complaint": false, "claimed_session": null } },
          "input": {
            "crm": { "deal_name": "BFS NP John DOE", "stage": "GAGNÉ", "evalbox": "Dossier Synchronisé",
              "date_examen_vtc": "34_2026-03-31", "session1": "1456177000...", "email": "john@example.com" },
            "examt3p": { "statut_dossier": "Dossier synchronisé", "num_dossier": "00012345", "documents_count": 5,
              "examens": [], "credentials_valid": true },
            "lookups": { "date_examen": "2026-03-31", "session_type": "jour", "session_date_debut": "2026-02-10",
              "session_date_fin": "2026-02-14" }
          },
          "template_vars": {
            "state_id": "DOSSIER_SYNCHRONIZED", "state_name": "D-5", "primary_intent": "DEMANDE_CHANGEMENT_SESSION",
            "secondary_intents": ["DEMANDE_DATES_FUTURES"], "intents_handled": ["DEMANDE_CHANGEMENT_SESSION"],
            "date_case": 5, "uber_case": "ELIGIBLE", "session_preference": "jour", "is_complaint": false,
            "is_cab_error": false, "can_modify_exam_date": true, "has_sessions_proposees": true,
            "report_possible": false, "report_bloque": false, "evalbox": "Dossier Synchronisé",
            "deadline_passed_reschedule": true, "original_exam_date": "24/02/2026", "new_exam_date": "31/03/2026",
            "new_exam_date_cloture": "10/03/2026",
            "sessions_proposees": [{ "id": "1", "nom": "Session soir", "type": "soir", "debut": "02/03/2026", "fin": "13/03/2026" }]
          },
          "output": { "crm_updated": true, "crm_updates": { "Date_examen_VTC": "..." }, "draft_content": "<html>Bonjour John,..." },
          "error": null
        }
        """;

    public void Dispose()
    {
        http.Dispose();
        factory.Dispose();
    }
}
