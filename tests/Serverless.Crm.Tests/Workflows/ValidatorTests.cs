using Serverless.Crm.Workflows;
using Serverless.Engine.Definitions;
using Serverless.Engine.Expressions;

namespace Serverless.Crm.Tests.Workflows;

public class ValidatorTests
{
    [Fact]
    public void SeedExample_FromComment_Utiliser_IsValid_AndDefaultsToDraft()
    {
        var spec = Specs.Valid("""
        {
          "name": "Mon workflow",
          "description": "Description",
          "trigger_type": "organisation_created",
          "actions": [
            {
              "type": "send_email",
              "config": {
                "to": "admin@example.com",
                "subject": "Nouvelle organisation: {{organisation.nom}}",
                "body": "Une nouvelle organisation a été créée."
              }
            }
          ]
        }
        """);

        spec.Status.Should().Be(CrmWorkflowStatuses.Draft);
        spec.Conditions.Should().BeNull();
        spec.Actions.Should().ContainSingle().Which.Config["to"]!.GetValue<string>().Should().Be("admin@example.com");
    }

    [Fact]
    public void InvalidSpec_ListsEveryProblem_WithItsPath()
    {
        var problems = Specs.Problems("""
        {
          "nme": "typo",
          "trigger_type": "deal_stage_change",
          "conditions": { "operator": "XOR", "rules": [
            { "field": "organisation.pipeline_stage", "operator": "in", "value": "PROPOSITION" },
            { "field": "{{montant}}", "operator": "=>", "value": 5 } ] },
          "actions": [
            { "type": "send_email", "config": { "to": "not-an-address", "body": "hi {{ organisation.nom | upper }}" } },
            { "type": "create_task", "config": { "title": "Relancer", "due_date": "in three days", "priority": "asap" } },
            { "type": "create_task", "config": { "due_date": "+3 days" } },
            { "type": "send_sms", "config": {} },
            { "type": "call_webhook", "config": { "url": "ftp://x", "method": "POST", "headers": { "X-Id": 5 } } },
            { "type": "update_field", "config": { "entity_type": "organisation", "field": "pipeline_stage" } }
          ],
          "status": "ENABLED",
          "is_template": "yes"
        }
        """);

        problems.Should().BeEquivalentTo(
        [
            "$.nme: Unknown property 'nme' (did you mean 'name'?); the properties are name, description, trigger_type, trigger_config, conditions, actions, status, is_template.",
            "$.name: 'name' is required.",
            "$.trigger_type: 'deal_stage_change' is not a valid trigger_type; use one of organisation_created, organisation_updated, deal_created, deal_updated, deal_stage_changed, scheduled, inactivity_delay, manual, webhook (did you mean 'deal_stage_changed'?).",
            "$.conditions.operator: 'XOR' is not a valid operator; use one of AND, OR (did you mean 'OR'?).",
            "$.conditions.rules[0].value: 'in' needs an array of values such as [\"PROPOSITION\", \"QUALIFICATION\"], not the string \"PROPOSITION\".",
            "$.conditions.rules[1].field: '{{montant}}' is not a field path; write a dotted path such as 'organisation.pipeline_stage' (no braces).",
            "$.conditions.rules[1].operator: '=>' is not a valid operator; use one of ==, !=, >, <, >=, <=, contains, not_contains, in, not_in (did you mean '>='?).",
            "$.actions[0].config.to: 'not-an-address' is not an email address; write one such as 'admin@example.com' or a variable such as '{{organisation.email}}'.",
            "$.actions[0].config.subject: 'subject' is required.",
            "$.actions[0].config.body: '{{ organisation.nom | upper }}' is not a variable: write a dotted path such as {{organisation.nom}} or {{deal.montant}} (no filters or expressions).",
            "$.actions[1].config.due_date: 'in three days' must be a relative date like '+3 days' (or '+2 weeks', '+1 month', '+4 hours'), an ISO date such as '2025-12-31', or a variable.",
            "$.actions[1].config.priority: 'asap' is not a valid priority; use one of urgent, high, normal, low.",
            "$.actions[2].config.title: 'title' is required.",
            "$.actions[3].type: 'send_sms' is not a valid type; use one of send_email, create_task, send_notification, update_field, assign_user, add_tag, call_webhook, create_activity.",
            "$.actions[4].config.url: 'ftp://x' is not an absolute http(s) URL such as 'https://hooks.example.com/crm'.",
            "$.actions[4].config.headers['X-Id']: Header 'X-Id' must be a string, not the number 5.",
            "$.actions[5].config.value: 'value' is required (null clears the field).",
            "$.status: 'ENABLED' is not a valid status; use one of ACTIVE, INACTIVE, DRAFT.",
            "$.is_template: 'is_template' must be true or false, not the string \"yes\".",
        ]);
    }

    [Theory]
    [InlineData("""{ "frequency": "hourly" }""", "$.trigger_config.frequency: 'hourly' is not a valid frequency; use one of daily, weekly, monthly.")]
    [InlineData("""{ "frequency": "daily", "time": "25:00" }""", "$.trigger_config.time: '25:00' is not a time of day; write HH:mm such as '09:00' or '14:30'.")]
    [InlineData("""{ "frequency": "weekly", "day_of_week": "funday" }""", "$.trigger_config.day_of_week: 'day_of_week' must be a weekday name ('monday' or 'lundi' ... 'sunday' or 'dimanche') or 1 (Monday) to 7 (Sunday), not the string \"funday\".")]
    [InlineData("""{ "frequency": "monthly", "day_of_month": 31 }""", "$.trigger_config.day_of_month: 'day_of_month' must be a whole number from 1 to 28 (so the workflow runs every month), not the number 31.")]
    [InlineData("""{ "frequency": "daily", "cron": "0 9 * * *" }""", "$.trigger_config.frequency: 'frequency' cannot be combined with 'cron': give either a cron expression or a frequency.")]
    [InlineData("""{ "frequency": "daily", "timezone": "Europe/Pariss" }""", "$.trigger_config.timezone: Unknown time zone 'Europe/Pariss'; use an IANA name such as 'Europe/Paris', 'America/New_York' or 'UTC'.")]
    public void ScheduledTrigger_BadConfig_IsNamedWithItsPath(string config, string expected)
    {
        var problems = Specs.Problems(Workflow("scheduled", config));

        problems.Should().Contain(expected);
    }

    [Fact]
    public void ScheduledTrigger_BadCron_IsReportedByTheEngineLoader()
    {
        Specs.Problems(Workflow("scheduled", """{ "cron": "0 9 * * MON-FRY" }""")).Should().ContainSingle()
            .Which.Should().StartWith("$.trigger_config.cron: ");
    }

    [Theory]
    [InlineData("""{ "inactivity_days": 0 }""", "$.trigger_config.inactivity_days: 'inactivity_days' must be a whole number of days, 1 or more, not the number 0.")]
    [InlineData("""{ "days": 3 }""", "$.trigger_config.days: Unknown property 'days'; the properties are inactivity_days, entity_type.")]
    [InlineData("""{ "entity_type": "contact" }""", "$.trigger_config.entity_type: 'contact' is not a valid entity_type; use one of organisation, deal.")]
    public void InactivityTrigger_BadConfig(string config, string expected) =>
        Specs.Problems(Workflow("inactivity_delay", config)).Should().Equal(expected);

    [Fact]
    public void StageChange_UnknownConfigField_IsNamed() =>
        Specs.Problems(Workflow("deal_stage_changed", """{ "from": "PROPOSITION" }""")).Should().Equal(
            "$.trigger_config.from: Unknown property 'from'; the properties are from_stage, to_stage.");

    [Fact]
    public void EmptyActions_AndNotAnObject_AreProblems()
    {
        Specs.Problems("""{ "name": "x", "trigger_type": "manual", "actions": [] }""").Should().Equal("$.actions: 'actions' must hold at least one action.");
        Specs.Problems("[1]").Should().Equal("$: A workflow must be a JSON object, not an array.");
        Specs.Problems("{").Should().ContainSingle().Which.Should().StartWith("$: The document is not valid JSON");
    }

    [Fact]
    public void TriggerTypeAndStatus_AreReadIgnoringCase_AsTheSeedsFiltersAndActivateWriteThem()
    {
        var spec = Specs.Valid("""
        { "name": "x", "trigger_type": "ORGANISATION_CREATED", "status": "active",
          "actions": [ { "type": "add_tag", "config": { "tag": "Nouveau Client 2025" } } ] }
        """);

        spec.TriggerType.Should().Be("organisation_created");
        spec.Status.Should().Be("ACTIVE");
    }

    [Theory]
    [InlineData("""{ "frequency": "daily" }""", "0 9 * * *")]
    [InlineData("""{ "frequency": "daily", "time": "7:30" }""", "30 7 * * *")]
    [InlineData("""{ "frequency": "weekly" }""", "0 9 * * 1")]
    [InlineData("""{ "frequency": "weekly", "day_of_week": "dimanche", "time": "03:00" }""", "0 3 * * 0")]
    [InlineData("""{ "frequency": "monthly", "day_of_month": 15, "time": "18:45" }""", "45 18 15 * *")]
    [InlineData("""{ "cron": "0 2 * * *" }""", "0 2 * * *")]
    public void ScheduledTrigger_CompilesToCron_InParisByDefault(string config, string cron)
    {
        var definition = Specs.Compiled(Workflow("scheduled", config));

        definition.Triggers.Single().Should().Be(new ScheduleTrigger(cron, "Europe/Paris"));
    }

    [Fact]
    public void ManualAndWebhook_CompileToOurTriggers()
    {
        Specs.Compiled(Workflow("manual", "{}")).Triggers.Single().Should().Be(new ManualTrigger());
        Specs.Compiled(Workflow("webhook", """{ "auth": "hmac" }"""), "crm.workflow.9").Triggers.Single()
            .Should().Be(new WebhookTrigger("crm/crm.workflow.9", WebhookAuth.Hmac));
    }

    [Fact]
    public void NestedGroups_AndNotContains_MapToOurConditionTree()
    {
        var definition = Specs.Compiled("""
        { "name": "x", "trigger_type": "deal_updated",
          "conditions": { "operator": "OR", "rules": [
            { "field": "deal.montant", "operator": ">=", "value": 10000 },
            { "operator": "AND", "rules": [
              { "field": "deal.tags", "operator": "contains", "value": "VIP" },
              { "field": "organisation.nom", "operator": "not_contains", "value": "Test" },
              { "field": "deal.pipeline_stage", "operator": "not_in", "value": ["PERDU"] } ] } ] },
          "actions": [ { "type": "assign_user", "config": { "entity_type": "deal", "entity_id": "{{trigger_entity_id}}", "user_id": 4 } } ] }
        """);

        var guard = (IfStep)definition.Steps[0];
        var any = ((NotCondition)guard.Condition).Condition.Should().BeOfType<AnyCondition>().Subject;
        any.Conditions[0].Should().Be(new Comparison("trigger.body.deal.montant", ">=", any.Conditions[0].As<Comparison>().Value));
        var all = any.Conditions[1].Should().BeOfType<AllCondition>().Subject;
        all.Conditions[0].As<Comparison>().Op.Should().Be("contains");
        all.Conditions[1].Should().BeOfType<NotCondition>().Which.Condition.As<Comparison>().Op.Should().Be("contains");
        all.Conditions[2].As<Comparison>().Op.Should().Be("not_in");
        ((ActivityStep)definition.Steps[1]).Input!["entity_id"]!.GetValue<string>().Should().Be("{{trigger.body.trigger_entity_id}}");
    }

    [Fact]
    public void EveryActionType_WithTheSeedsConfig_CompilesToItsActivity()
    {
        var definition = Specs.Compiled("""
        { "name": "all", "trigger_type": "deal_created", "actions": [
          { "type": "send_email", "config": { "to": ["a@example.com", "{{owner.email}}"], "cc": "c@example.com", "subject": "s", "template": "welcome" } },
          { "type": "create_task", "config": { "title": "t", "due_date": "2025-12-31", "assigned_to": 3, "priority": "urgent" } },
          { "type": "send_notification", "config": { "user_id": "{{owner.id}}", "message": "m", "type": "error" } },
          { "type": "update_field", "config": { "entity_type": "deal", "entity_id": "{{trigger_entity_id}}", "field": "pipeline_stage", "value": "QUALIFICATION" } },
          { "type": "assign_user", "config": { "user_id": 4 } },
          { "type": "add_tag", "config": { "entity_type": "organisation", "entity_id": 5, "tag": "VIP" } },
          { "type": "call_webhook", "config": { "url": "https://hooks.example.com/crm/{{deal.id}}", "method": "PUT",
                                                "headers": { "X-Source": "crm" }, "body": { "deal": "{{deal.id}}", "n": 1 } } },
          { "type": "create_activity", "config": { "type": "call", "title": "Appel {{organisation.nom}}" } } ] }
        """);

        var steps = definition.Steps.Cast<ActivityStep>().ToList();
        steps.Select(s => s.Activity).Should().Equal(CrmActionTypes.All.Select(CrmNames.Activity));
        steps[0].Input!["to"]![1]!.GetValue<string>().Should().Be("{{trigger.body.owner.email}}");
        steps[1].Input!["due_date"]!.GetValue<string>().Should().Be("2025-12-31", "an absolute date passes unchanged");
        steps[6].Input!["url"]!.GetValue<string>().Should().Be("https://hooks.example.com/crm/{{trigger.body.deal.id}}");
        steps[6].Input!["body"]!["deal"]!.GetValue<string>().Should().Be("{{trigger.body.deal.id}}");
        steps[6].Input!["body"]!["n"]!.GetValue<int>().Should().Be(1);
    }

    private static string Workflow(string triggerType, string config) => $$"""
        { "name": "x", "trigger_type": "{{triggerType}}", "trigger_config": {{config}},
          "actions": [ { "type": "send_notification", "config": { "user_id": 1, "message": "hello" } } ] }
        """;
}
