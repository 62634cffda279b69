using System.Text.Json.Nodes;
using Serverless.Crm.Workflows;
using Serverless.Engine.Expressions;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;

namespace Serverless.Crm.Tests.Workflows;

/// <summary>Compiled seed workflows run through the pure interpreter: no I/O, the test answers the activities.</summary>
public class ExecutionTests
{
    private const string BigOrganisation = """
    { "trigger_entity_type": "organisation", "trigger_entity_id": 42,
      "organisation": { "id": 42, "nom": "ACME", "pipeline_stage": "PROSPECT", "montant_potentiel": 80000 },
      "manager": { "id": 7, "email": "manager@alforis.fr" } }
    """;

    [Fact]
    public void ConditionsHold_ActionsRunInOrder_WithSeedVariablesRendered_OutcomeSuccess()
    {
        var h = new Harness(Specs.Compiled(CrmWorkflowTemplates.AlerteManagerDeal50k.Json));

        var first = h.StartFromEvent(CrmNames.Channels.OrganisationCreated, BigOrganisation);
        h.RunToEnd(first, run => new JsonObject { ["ok"] = true });

        h.Activities.Select(a => a.Activity).Should().Equal("crm.send_email", "crm.send_notification");
        h.Activities[0].Input!["to"]!.GetValue<string>().Should().Be("manager@alforis.fr");
        h.Activities[0].Input!["subject"]!.GetValue<string>().Should().Be("Deal > 50k€: ACME");
        h.Activities[1].Input!["user_id"]!.GetValue<int>().Should().Be(7, "a lone variable keeps its JSON type");
        h.Activities[1].Input!["message"]!.GetValue<string>().Should().Be("Opportunité ACME: 80000 €");

        h.State.Status.Should().Be(InstanceStatus.Completed);
        h.State.Output!["outcome"]!.GetValue<string>().Should().Be(CrmExecutionStatuses.Success);
        h.State.Output!["actions"]!.AsArray().Select(a => a!["status"]!.GetValue<string>()).Should().Equal("Completed", "Completed");
    }

    [Fact]
    public void ConditionsFail_NoActionRuns_OutcomeSkipped()
    {
        var h = new Harness(Specs.Compiled(CrmWorkflowTemplates.AlerteManagerDeal50k.Json));

        var first = h.StartFromEvent(CrmNames.Channels.OrganisationCreated, BigOrganisation.Replace("80000", "1000", StringComparison.Ordinal));
        h.RunToEnd(first, _ => null);

        h.Activities.Should().BeEmpty();
        h.State.Status.Should().Be(InstanceStatus.Completed);
        h.State.Output!["outcome"]!.GetValue<string>().Should().Be(CrmExecutionStatuses.Skipped);
    }

    [Theory]
    [InlineData("QUALIFICATION", true)]
    [InlineData("PROPOSITION", true)]
    [InlineData("SIGNÉ", false)]
    public void InCondition_OverTheOrganisationStage(string stage, bool runs)
    {
        var h = new Harness(Specs.Compiled(CrmWorkflowTemplates.RelanceDealInactif.Json));
        var payload = $$"""
        { "trigger_entity_type": "organisation", "trigger_entity_id": 3, "inactive_days": 31,
          "organisation": { "id": 3, "nom": "Dupont SA", "pipeline_stage": "{{stage}}" },
          "owner": { "id": 5, "email": "commercial@alforis.fr" } }
        """;

        h.RunToEnd(h.StartFromEvent(CrmNames.Channels.EntityInactive, payload), _ => null);

        h.State.Output!["outcome"]!.GetValue<string>().Should().Be(runs ? "SUCCESS" : "SKIPPED");
        h.Activities.Select(a => a.Activity).Should().Equal(runs ? ["crm.send_email", "crm.create_task", "crm.send_notification"] : []);
        if (runs)
        {
            var due = DateTimeOffset.Parse(h.Activities[1].Input!["due_date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            due.Should().Be(Harness.T0.AddDays(3), "'+3 days' is resolved by the interpreter's clock");
            h.Activities[1].Input!["title"]!.GetValue<string>().Should().Be("Relancer client Dupont SA");
        }
    }

    [Fact]
    public void FailingAction_IsRetriedThreeTimes_ThenTheNextActionsStillRun()
    {
        var h = new Harness(Specs.Compiled(CrmWorkflowTemplates.AlerteManagerDeal50k.Json));

        h.RunToEnd(h.StartFromEvent(CrmNames.Channels.OrganisationCreated, BigOrganisation),
            run => run.Activity == "crm.send_email" ? throw new InvalidOperationException("SMTP down") : new JsonObject { ["sent"] = true });

        h.Activities.Select(a => (a.Activity, a.Attempt)).Should().Equal(
            ("crm.send_email", 1), ("crm.send_email", 2), ("crm.send_email", 3), ("crm.send_notification", 1));
        h.State.Status.Should().Be(InstanceStatus.Completed);
        var results = h.State.Output!["actions"]!.AsArray();
        results[0]!["status"]!.GetValue<string>().Should().Be("Failed");
        results[0]!["error"]!["message"]!.GetValue<string>().Should().Contain("SMTP down");
        results[1]!["status"]!.GetValue<string>().Should().Be("Completed");
        results[1]!["output"]!["sent"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void ManualRun_TheContextAsInput_IsTheTriggerBody()
    {
        var definition = Specs.Compiled("""
        { "name": "manuel", "trigger_type": "manual",
          "conditions": { "operator": "OR", "rules": [ { "field": "organisation.type", "operator": "==", "value": "CLIENT" } ] },
          "actions": [ { "type": "add_tag", "config": { "entity_type": "organisation", "entity_id": "{{trigger_entity_id}}", "tag": "Revu" } } ] }
        """);
        var h = new Harness(definition);

        var first = h.Apply(new InstanceStarted(JsonNode.Parse("""{ "trigger_entity_type": "organisation", "trigger_entity_id": 123, "organisation": { "type": "CLIENT" } }""")));
        h.RunToEnd(first, _ => new JsonObject { ["added"] = true });

        h.Activities.Should().ContainSingle().Which.Input!["entity_id"]!.GetValue<int>().Should().Be(123);
        h.State.Output!["outcome"]!.GetValue<string>().Should().Be("SUCCESS");
    }

    [Theory]
    [InlineData("PROPOSITION", "SIGNÉ", true)]
    [InlineData("QUALIFICATION", "SIGNÉ", false)]
    [InlineData("PROPOSITION", "PERDU", false)]
    public void StageChangeTrigger_MatchesOnlyTheConfiguredTransition(string from, string to, bool matches)
    {
        var definition = Specs.Compiled(CrmWorkflowTemplates.OnboardingNouveauClient.Json);
        var trigger = (EventTrigger)definition.Triggers.Single();
        var payload = new JsonObject { ["from_stage"] = from, ["to_stage"] = to, ["deal"] = new JsonObject { ["id"] = 1 } };

        // The scope the runtime's channel router gives an event trigger's condition.
        var scope = new ObjectScope(new JsonObject { ["payload"] = payload, ["channel"] = trigger.Channel });
        Conditions.Evaluate(trigger.Condition!, scope, Harness.T0).Should().Be(matches);
    }
}
