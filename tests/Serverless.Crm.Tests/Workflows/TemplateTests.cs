using System.Text.Json;
using Serverless.Crm.Workflows;
using Serverless.Engine;
using Serverless.Engine.Definitions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Loading;

namespace Serverless.Crm.Tests.Workflows;

public class TemplateTests
{
    public static TheoryData<string> TemplateIds => new(CrmWorkflowTemplates.All.Select(t => t.Id));

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void SeedTemplate_Validates_Compiles_AndPassesTheEngineLoader(string id)
    {
        var template = CrmWorkflowTemplates.All.Single(t => t.Id == id);

        var read = CrmWorkflowValidator.Validate(template.Json);
        read.Problems.Should().BeEmpty();
        read.Spec!.IsTemplate.Should().BeTrue();
        read.Spec.Status.Should().Be(CrmWorkflowStatuses.Inactive);

        var compiled = CrmWorkflowCompiler.Compile(read.Spec, $"crm.template.{id}");
        compiled.Problems.Should().BeEmpty(compiled.Json);

        // The engine's own loader, with the CRM activity names known, accepts the compiled JSON as written.
        var reloaded = new WorkflowDefinitionLoader(new LoaderOptions { KnownActivities = CrmNames.Activities }).Load(compiled.Json, id);
        reloaded.Problems.Should().BeEmpty();
        reloaded.Definition!.Steps.OfType<ActivityStep>().Should().HaveCount(read.Spec.Actions.Count);
        JsonSerializer.Serialize(reloaded.Definition, EngineJson.Options).Should().Be(JsonSerializer.Serialize(compiled.Definition, EngineJson.Options));
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void SeedTemplate_WrittenBack_AsSnakeCaseJson_ReadsToTheSameSpec(string id)
    {
        var spec = Specs.Valid(CrmWorkflowTemplates.All.Single(t => t.Id == id).Json);

        var written = CrmWorkflowJson.Write(spec);
        written.Select(p => p.Key).Should().Equal("name", "description", "trigger_type", "trigger_config", "conditions", "actions", "status", "is_template");
        var again = CrmWorkflowValidator.Validate(written.ToJsonString());

        again.Problems.Should().BeEmpty();
        CrmWorkflowJson.Write(again.Spec!).ToJsonString().Should().Be(written.ToJsonString());
    }

    [Fact]
    public void RelanceDealInactif_ListensToInactivity_AtThirtyDays_WithTheStageCondition()
    {
        var definition = Specs.Compiled(CrmWorkflowTemplates.RelanceDealInactif.Json);

        var trigger = definition.Triggers.Should().ContainSingle().Which.Should().BeOfType<EventTrigger>().Subject;
        trigger.Channel.Should().Be(CrmNames.Channels.EntityInactive);
        var parts = trigger.Condition.Should().BeOfType<AllCondition>().Subject.Conditions.Cast<Comparison>().ToList();
        parts.Select(c => $"{c.Path} {c.Op} {c.Value!.ToJsonString()}").Should().Equal(
            "payload.trigger_entity_type == \"organisation\"", "payload.inactive_days >= 30");

        var guard = definition.Steps[0].Should().BeOfType<IfStep>().Subject;
        guard.Id.Should().Be(CrmWorkflowCompiler.ConditionsStepId);
        var inner = guard.Condition.Should().BeOfType<NotCondition>().Subject.Condition.Should().BeOfType<AllCondition>().Subject;
        var rule = inner.Conditions.Should().ContainSingle().Which.Should().BeOfType<Comparison>().Subject;
        rule.Path.Should().Be("trigger.body.organisation.pipeline_stage");
        rule.Op.Should().Be("in");
        guard.Then.Should().ContainSingle().Which.Should().BeOfType<TerminateStep>().Which.Output!["outcome"]!.GetValue<string>().Should().Be("SKIPPED");
    }

    [Fact]
    public void Onboarding_ListensToStageChanges_FromPropositionToSigne_AndRunsFourActionsInOrder()
    {
        var definition = Specs.Compiled(CrmWorkflowTemplates.OnboardingNouveauClient.Json);

        var trigger = definition.Triggers.Single().Should().BeOfType<EventTrigger>().Subject;
        trigger.Channel.Should().Be("crm.deal.stage_changed");
        var stages = trigger.Condition.Should().BeOfType<AllCondition>().Subject.Conditions.Cast<Comparison>().ToList();
        stages.Select(c => (c.Path, c.Value!.GetValue<string>())).Should().Equal(("payload.from_stage", "PROPOSITION"), ("payload.to_stage", "SIGNÉ"));

        definition.Steps.Should().AllBeOfType<ActivityStep>("no conditions: no guard step");
        var actions = definition.Steps.Cast<ActivityStep>().ToList();
        actions.Select(a => a.Activity).Should().Equal("crm.send_email", "crm.create_task", "crm.create_task", "crm.send_notification");
        actions.Select(a => a.Id).Should().Equal("action_0", "action_1", "action_2", "action_3");
        actions.Should().AllSatisfy(a =>
        {
            a.OnError.Should().Be(OnErrorPolicies.Continue);
            a.Retry!.MaxAttempts.Should().Be(3);
            a.Retry.BackoffCoefficient.Should().Be(2.0);
        });
        actions[0].Input!["subject"]!.GetValue<string>().Should().Be("Bienvenue chez Alforis Finance, {{trigger.body.organisation.nom}} !");
        actions[1].Input!["due_date"]!.GetValue<string>().Should().Be("{{ +3 days }}");
        actions[2].Input!["due_date"]!.GetValue<string>().Should().Be("{{ +1 day }}");
        actions[3].Input!["user_id"]!.GetValue<string>().Should().Be("{{trigger.body.manager.id}}");
    }

    [Fact]
    public void AlerteManager_ListensToOrganisationCreated()
    {
        var definition = Specs.Compiled(CrmWorkflowTemplates.AlerteManagerDeal50k.Json);

        definition.Triggers.Single().Should().Be(new EventTrigger("crm.organisation.created"));
        definition.Steps.Select(s => s.Id).Should().Equal("conditions", "action_0", "action_1");
    }
}
