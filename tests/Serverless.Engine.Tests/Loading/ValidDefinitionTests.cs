using Serverless.Engine.Definitions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Loading;
using static Serverless.Engine.Tests.Loading.LoaderTestData;

namespace Serverless.Engine.Tests.Loading;

public class ValidDefinitionTests
{
    private const string EveryStepType = """
        {
          "id": "every.step", "version": 4, "name": "Every step",
          "triggers": [
            { "type": "webhook", "route": "forms/contact", "auth": "hmac" },
            { "type": "schedule", "cron": "0 */15 * * * *", "timeZone": "America/New_York" },
            { "type": "event", "channel": "crm.deal", "condition": { "path": "deal.stage", "op": "==", "value": "WON" } },
            { "type": "mailbox", "mailbox": "support" },
            { "type": "manual" }
          ],
          "steps": [
            { "id": "fetch", "type": "activity", "activity": "crm.getDeal", "input": { "id": "{{trigger.body.id}}" },
              "retry": { "maxAttempts": 4, "firstInterval": "2s", "backoffCoefficient": 3, "maxInterval": "1m", "jitter": 0, "retryOn": ["Transient"] },
              "timeout": "30s", "onError": "fallback", "fallback": { "id": null } },
            { "id": "big", "type": "if", "condition": { "or": [ { "path": "steps.fetch.output.amount", "op": ">", "value": 1000 }, { "not": { "path": "steps.fetch.output.vip", "op": "exists" } } ] },
              "then": [ { "id": "mark", "type": "set", "variables": { "big": true } } ], "else": [] },
            { "id": "route", "type": "switch", "value": "{{steps.fetch.output.kind}}",
              "cases": [ { "equals": ["a", "b"], "steps": [] }, { "when": { "path": "vars.big", "value": true }, "steps": [] } ],
              "default": [ { "id": "other", "type": "emit", "channel": "misc", "payload": { "id": "{{steps.fetch.output.id}}" } } ] },
            { "id": "lines", "type": "forEach", "items": "{{steps.fetch.output.lines}}", "as": "line", "mode": "parallel", "maxConcurrency": 2,
              "steps": [ { "id": "price", "type": "activity", "activity": "pricing.get", "input": "{{line}}" } ], "output": "{{steps.price.output}}" },
            { "id": "nap", "type": "wait", "duration": "PT10M" },
            { "id": "reply", "type": "waitForEvent", "event": "customer-reply", "timeout": "3d", "onTimeout": [ { "id": "chase", "type": "emit", "channel": "chase" } ] },
            { "id": "gate", "type": "approval", "approvers": [ { "name": "sales", "members": ["s@example.com"] }, { "name": "boss" } ],
              "channels": ["teams"], "message": { "subject": "Deal {{steps.fetch.output.id}}", "body": "Please look." }, "item": "{{steps.fetch.output}}",
              "reminder": { "interval": "1h", "max": 5 }, "deadline": "1d", "onTimeout": "escalate", "notifyActivity": "teams.askApproval" },
            { "id": "invoice", "type": "subWorkflow", "workflow": "billing.invoice", "version": 2, "input": { "deal": "{{steps.fetch.output}}" } },
            { "id": "remember", "type": "set", "variables": { "done": true, "count": "{{steps.lines.output | length}}" } },
            { "id": "announce", "type": "emit", "channel": "deals.closed", "payload": "{{steps.fetch.output}}" },
            { "id": "stop", "type": "terminate", "status": "failed", "reason": "Deal {{steps.fetch.output.id}} refused.", "output": { "ok": false } }
          ]
        }
        """;

    [Fact]
    public void Load_EveryStepAndTriggerType_LoadsIntoTheRightRecords()
    {
        var result = Load(EveryStepType);

        result.ShouldSucceed();
        var definition = result.Definition!;
        definition.Id.Should().Be("every.step");
        definition.Version.Should().Be(4);
        definition.Triggers.Select(t => t.GetType()).Should().Equal(
            typeof(WebhookTrigger), typeof(ScheduleTrigger), typeof(EventTrigger), typeof(MailboxTrigger), typeof(ManualTrigger));
        definition.Triggers[0].Should().Be(new WebhookTrigger("forms/contact", WebhookAuth.Hmac));
        definition.Triggers[1].Should().Be(new ScheduleTrigger("0 */15 * * * *", "America/New_York"));
        var condition = ((EventTrigger)definition.Triggers[2]).Condition.Should().BeOfType<Comparison>().Subject;
        (condition.Path, condition.Op, condition.Value!.ToJsonString()).Should().Be(("deal.stage", "==", "\"WON\""));
        definition.Triggers[3].Should().Be(new MailboxTrigger("support"));
        definition.Steps.Select(s => s.GetType()).Should().Equal(
            typeof(ActivityStep), typeof(IfStep), typeof(SwitchStep), typeof(ForEachStep), typeof(WaitStep), typeof(WaitForEventStep),
            typeof(ApprovalStep), typeof(SubWorkflowStep), typeof(SetStep), typeof(EmitStep), typeof(TerminateStep));

        var activity = (ActivityStep)definition.Steps[0];
        activity.Retry.Should().BeEquivalentTo(new RetryPolicy
        {
            MaxAttempts = 4, FirstInterval = "2s", BackoffCoefficient = 3, MaxInterval = "1m", Jitter = 0, RetryOn = [ErrorKinds.Transient],
        });
        activity.OnError.Should().Be(OnErrorPolicies.Fallback);
        activity.Timeout.Should().Be("30s");

        ((IfStep)definition.Steps[1]).Condition.Should().BeOfType<AnyCondition>().Which.Conditions[1].Should().BeOfType<NotCondition>();
        ((IfStep)definition.Steps[1]).Then.Single().Should().BeOfType<SetStep>();
        ((SwitchStep)definition.Steps[2]).Cases[1].When.Should().BeOfType<Comparison>();
        ((SwitchStep)definition.Steps[2]).Default.Single().Id.Should().Be("other");

        var forEach = (ForEachStep)definition.Steps[3];
        (forEach.As, forEach.Mode, forEach.MaxConcurrency).Should().Be(("line", ForEachModes.Parallel, 2));
        ((WaitStep)definition.Steps[4]).Duration.Should().Be("PT10M");
        ((WaitForEventStep)definition.Steps[5]).OnTimeout.Single().Id.Should().Be("chase");

        var approval = (ApprovalStep)definition.Steps[6];
        approval.Approvers.Select(a => a.Name).Should().Equal("sales", "boss");
        approval.Reminder.Should().Be(new ApprovalReminder { Interval = "1h", Max = 5 });
        (approval.Deadline, approval.OnTimeout, approval.NotifyActivity).Should().Be(("1d", ApprovalTimeoutPolicies.Escalate, "teams.askApproval"));

        ((SubWorkflowStep)definition.Steps[7]).Version.Should().Be(2);
        ((SetStep)definition.Steps[8]).Variables.Keys.Should().Equal("done", "count");
        ((EmitStep)definition.Steps[9]).Channel.Should().Be("deals.closed");
        ((TerminateStep)definition.Steps[10]).Status.Should().Be(TerminateStatuses.Failed);
    }

    [Fact]
    public void Load_MinimalSteps_GetTheRecordDefaults()
    {
        var result = Load("""
            {"id":"d","steps":[
              {"id":"a","type":"activity","activity":"x","retry":{}},
              {"id":"f","type":"forEach","items":"{{trigger.body.rows}}","steps":[{"id":"e","type":"emit","channel":"c"}]},
              {"id":"g","type":"approval","approvers":[{"name":"ops"}]},
              {"id":"t","type":"terminate"}]}
            """);

        result.ShouldSucceed();
        var steps = result.Definition!.Steps;
        result.Definition.Version.Should().Be(1);
        result.Definition.Triggers.Should().BeEmpty();
        ((ActivityStep)steps[0]).OnError.Should().Be(OnErrorPolicies.Fail);
        ((ActivityStep)steps[0]).Retry.Should().Be(new RetryPolicy());
        ((ForEachStep)steps[1]).Mode.Should().Be(ForEachModes.Sequential);
        ((ApprovalStep)steps[2]).OnTimeout.Should().Be(ApprovalTimeoutPolicies.Reject);
        ((TerminateStep)steps[3]).Status.Should().Be(TerminateStatuses.Completed);
    }

    [Fact]
    public void Load_WebhookWithoutAuth_DefaultsToApiKey() =>
        Load(WithTrigger("""{"type":"webhook","route":"in"}""")).Definition!.Triggers.Single()
            .Should().Be(new WebhookTrigger("in", WebhookAuth.ApiKey));

    public static TheoryData<string> FixtureFiles() => [.. Fixtures().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Load_ExampleFixture_LoadsWithoutProblems(string file) =>
        Loader.Load(File.ReadAllText(Path.Combine(FixturesFolder(), file)), file).ShouldSucceed();

    [Fact]
    public void LoadAll_ExampleFixtures_ResolveTheirSubWorkflows()
    {
        var result = Loader.LoadAll(Fixtures().Select(f => (Path.GetFileName(f), File.ReadAllText(f))));

        result.Problems.Should().BeEmpty(string.Join("\n", result.Problems));
        result.Find("helpdesk.ticket-batch")!.Steps[1].Should().BeOfType<ForEachStep>();
    }
}
