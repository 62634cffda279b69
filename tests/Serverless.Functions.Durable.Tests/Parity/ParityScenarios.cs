using System.Text.Json.Nodes;
using Serverless.Engine.Interpreter;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Intake.RequestHandler;
using Serverless.Mail.Agent;
using Serverless.Mail.Mailboxes;
using Serverless.Storage.Blobs;
using Serverless.Functions.Durable.Tests.Support;

namespace Serverless.Functions.Durable.Tests.Parity;

/// <summary>The runtime parity table: every step kind, each row run on the embedded runtime and on Durable.</summary>
public static class ParityScenarios
{
    private const string Retry = """
        { "id": "p-retry", "steps": [
            { "id": "call", "type": "activity", "activity": "test.flaky", "input": { "failures": 2 },
              "retry": { "maxAttempts": 3, "firstInterval": "200ms", "backoffCoefficient": 2, "maxInterval": "1s", "jitter": 0 } } ],
          "output": { "result": "{{steps.call.output}}" } }
        """;

    private const string Timeout = """
        { "id": "p-timeout", "steps": [
            { "id": "slow", "type": "activity", "activity": "test.slow", "input": { "ms": 2000 }, "timeout": "300ms", "retry": { "maxAttempts": 1 } },
            { "id": "never", "type": "activity", "activity": "test.echo", "input": { "never": true } } ] }
        """;

    private const string Continue = """
        { "id": "p-continue", "steps": [
            { "id": "bad", "type": "activity", "activity": "test.fail", "input": { "kind": "Validation", "message": "bad input" }, "onError": "continue" },
            { "id": "after", "type": "activity", "activity": "test.echo", "input": { "previous": "{{steps.bad.output}}" } } ],
          "output": { "after": "{{steps.after.output.echo}}" } }
        """;

    private const string Fallback = """
        { "id": "p-fallback", "steps": [
            { "id": "bad", "type": "activity", "activity": "test.fail", "input": { "kind": "Permanent" },
              "onError": "fallback", "fallback": { "value": "fallback for {{input.name}}" } } ],
          "output": { "value": "{{steps.bad.output.value}}" } }
        """;

    private const string Permanent = """
        { "id": "p-permanent", "steps": [
            { "id": "bad", "type": "activity", "activity": "test.fail", "input": { "kind": "Permanent", "message": "no such customer" },
              "retry": { "maxAttempts": 3, "firstInterval": "200ms" } },
            { "id": "never", "type": "activity", "activity": "test.echo", "input": { "never": true } } ] }
        """;

    private const string If = """
        { "id": "p-if", "steps": [
            { "id": "check", "type": "if", "condition": { "path": "input.amount", "op": ">=", "value": 100 },
              "then": [ { "id": "markBig", "type": "set", "variables": { "branch": "then" } },
                        { "id": "big", "type": "activity", "activity": "test.echo", "input": { "branch": "then" } } ],
              "else": [ { "id": "markSmall", "type": "set", "variables": { "branch": "else" } },
                        { "id": "small", "type": "activity", "activity": "test.echo", "input": { "branch": "else" } } ] } ],
          "output": { "branch": "{{vars.branch}}" } }
        """;

    private const string Switch = """
        { "id": "p-switch", "steps": [
            { "id": "route", "type": "switch", "value": "{{input.kind}}",
              "cases": [ { "equals": "invoice", "steps": [ { "id": "invoice", "type": "activity", "activity": "test.echo", "input": { "route": "invoice" } } ] },
                         { "equals": ["quote", "order"], "steps": [ { "id": "sales", "type": "activity", "activity": "test.echo", "input": { "route": "sales" } } ] } ],
              "default": [ { "id": "other", "type": "activity", "activity": "test.echo", "input": { "route": "other" } } ] },
            { "id": "done", "type": "set", "variables": { "routed": "{{input.kind}}" } } ] }
        """;

    private const string Sequential = """
        { "id": "p-sequential", "steps": [
            { "id": "loop", "type": "forEach", "items": "{{input.items}}", "as": "name",
              "steps": [ { "id": "each", "type": "activity", "activity": "test.echo", "input": { "name": "{{name}}", "index": "{{nameIndex}}" } } ],
              "output": "{{steps.each.output.echo.name | upper}}" } ],
          "output": { "names": "{{steps.loop.output}}" } }
        """;

    private const string Parallel = """
        { "id": "p-parallel", "steps": [
            { "id": "loop", "type": "forEach", "items": "{{input.items}}", "mode": "parallel", "maxConcurrency": 2,
              "steps": [ { "id": "work", "type": "activity", "activity": "test.track", "input": { "item": "{{item}}", "ms": 300 } } ],
              "output": "{{steps.work.output.item}}" } ],
          "output": { "items": "{{steps.loop.output}}" } }
        """;

    private const string Wait = """
        { "id": "p-wait", "steps": [
            { "id": "pause", "type": "wait", "duration": "1s" },
            { "id": "after", "type": "activity", "activity": "test.echo", "input": { "waited": true } } ] }
        """;

    private const string WaitForEvent = """
        { "id": "p-event", "steps": [
            { "id": "signal", "type": "waitForEvent", "event": "go", "timeout": "30s",
              "onTimeout": [ { "id": "late", "type": "set", "variables": { "timedOut": true } } ] },
            { "id": "after", "type": "activity", "activity": "test.echo", "input": { "got": "{{steps.signal.output}}" } } ],
          "output": { "got": "{{steps.signal.output}}", "timedOut": "{{vars.timedOut | default: false}}" } }
        """;

    private const string WaitForEventTimeout = """
        { "id": "p-event-timeout", "steps": [
            { "id": "signal", "type": "waitForEvent", "event": "go", "timeout": "1s",
              "onTimeout": [ { "id": "late", "type": "set", "variables": { "timedOut": true } },
                             { "id": "chase", "type": "activity", "activity": "test.echo", "input": { "chase": true } } ] } ],
          "output": { "got": "{{steps.signal.output}}", "timedOut": "{{vars.timedOut | default: false}}" } }
        """;

    private static string Gate(string onTimeout, string deadline, string reminder, bool twoGroups = false) => $$$"""
        { "id": "p-approval", "steps": [
            { "id": "review", "type": "approval",
              "approvers": [ { "name": "editors", "members": ["ed@example.com"] }{{{(twoGroups ? """, { "name": "owners", "members": ["boss@example.com"] }""" : "")}}} ],
              "message": { "subject": "Publish {{input.title}}", "body": "Please review {{input.title}}" },
              "item": { "title": "{{input.title}}" }{{{reminder}}}{{{deadline}}},
              "onTimeout": "{{{onTimeout}}}" },
            { "id": "after", "type": "activity", "activity": "test.echo", "input": { "decision": "{{steps.review.output.decision}}" } } ],
          "output": { "gate": "{{steps.review.output}}" } }
        """;

    private const string Child = """
        { "id": "p-child", "steps": [
            { "id": "hello", "type": "activity", "activity": "test.echo", "input": { "name": "{{input.name}}" } } ],
          "output": { "greeting": "hello {{steps.hello.output.echo.name}}" } }
        """;

    private const string FailingChild = """
        { "id": "p-child", "steps": [
            { "id": "hello", "type": "activity", "activity": "test.fail", "input": { "kind": "NotFound", "message": "no such person" } } ] }
        """;

    private const string Parent = """
        { "id": "p-parent", "steps": [
            { "id": "child", "type": "subWorkflow", "workflow": "p-child", "input": { "name": "{{input.name}}" } },
            { "id": "after", "type": "activity", "activity": "test.echo", "input": { "child": "{{steps.child.output}}" } } ],
          "output": { "child": "{{steps.child.output}}" } }
        """;

    private const string Set = """
        { "id": "p-set", "steps": [
            { "id": "first", "type": "set", "variables": { "count": 1, "name": "{{input.name | upper}}" } },
            { "id": "second", "type": "set", "variables": { "count": "{{vars.count}}", "greeting": "hi {{vars.name}}" } },
            { "id": "use", "type": "activity", "activity": "test.echo", "input": { "greeting": "{{vars.greeting}}" } } ] }
        """;

    private const string Producer = """
        { "id": "p-producer", "steps": [
            { "id": "big", "type": "emit", "channel": "orders.created", "payload": { "id": "{{input.orderId}}", "amount": 250 } },
            { "id": "small", "type": "emit", "channel": "orders.created", "payload": { "id": "{{input.orderId}}-small", "amount": 5 } } ] }
        """;

    private const string Consumer = """
        { "id": "p-consumer",
          "triggers": [ { "type": "event", "channel": "orders.created", "condition": { "path": "payload.amount", "op": ">=", "value": 100 } } ],
          "steps": [ { "id": "handle", "type": "activity", "activity": "test.echo", "input": { "order": "{{trigger.body.id}}" } } ],
          "output": { "order": "{{input.id}}", "amount": "{{input.amount}}" } }
        """;

    private static string Terminate(string status) => $$$"""
        { "id": "p-terminate", "steps": [
            { "id": "before", "type": "activity", "activity": "test.echo", "input": { "before": true } },
            { "id": "stop", "type": "terminate", "status": "{{{status}}}", "reason": "stopped for {{input.name}}", "output": { "partial": true } },
            { "id": "never", "type": "activity", "activity": "test.echo", "input": { "never": true } } ] }
        """;

    private const string WaitForever = """
        { "id": "p-wait-forever", "steps": [
            { "id": "before", "type": "activity", "activity": "test.echo", "input": { "before": true } },
            { "id": "signal", "type": "waitForEvent", "event": "never-raised" },
            { "id": "never", "type": "activity", "activity": "test.echo", "input": { "never": true } } ] }
        """;

    private const string Replay = """
        { "id": "p-replay", "steps": [
            { "id": "first", "type": "activity", "activity": "test.echo", "input": { "step": 1 } },
            { "id": "flip", "type": "activity", "activity": "test.toggle", "input": { "step": 2 } },
            { "id": "last", "type": "activity", "activity": "test.echo", "input": { "step": 3 } } ],
          "output": { "flip": "{{steps.flip.output}}", "last": "{{steps.last.output.echo}}" } }
        """;

    private const string Long = """
        { "id": "p-long", "steps": [
            { "id": "loop", "type": "forEach", "items": "{{input.items}}",
              "steps": [ { "id": "each", "type": "activity", "activity": "test.echo", "input": { "n": "{{item}}" } } ],
              "output": "{{steps.each.output.echo.n}}" } ],
          "output": { "items": "{{steps.loop.output}}" } }
        """;

    private const string LongWithPauses = """
        { "id": "p-long-pauses", "steps": [
            { "id": "loop", "type": "forEach", "items": "{{input.items}}",
              "steps": [ { "id": "each", "type": "activity", "activity": "test.echo", "input": { "n": "{{item}}" } },
                         { "id": "breathe", "type": "wait", "duration": "10ms" } ],
              "output": "{{steps.each.output.echo.n}}" } ],
          "output": { "items": "{{steps.loop.output}}" } }
        """;

    private static JsonArray Range(int count) => new(Enumerable.Range(0, count).Select(i => (JsonNode?)i).ToArray());

    public static IReadOnlyList<ParityScenario> All { get; } =
    [
        new("activity-retry-backoff", "p-retry", Retry)
        {
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Step("call").Attempts.Should().Be(3);
                o.CallsOf(TestActivities.Flaky).Select(c => c.Attempt).Should().Equal(1, 2, 3);
                o.Output!["result"]!["succeededOnAttempt"]!.GetValue<int>().Should().Be(3);
            },
        },
        new("activity-timeout", "p-timeout", Timeout)
        {
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Failed);
                o.ErrorKind.Should().Be("Timeout");
                o.Step("slow").ErrorKind.Should().Be("Timeout");
                o.CallsOf(TestActivities.Slow).Should().ContainSingle();
                o.CallsOf(TestActivities.Echo).Should().BeEmpty();
            },
        },
        new("activity-onError-continue", "p-continue", Continue)
        {
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Step("bad").Status.Should().Be(StepStatus.Failed);
                o.Step("bad").ErrorKind.Should().Be("Validation");
                o.Step("after").Status.Should().Be(StepStatus.Completed);
                o.CallsOf(TestActivities.Fail).Should().ContainSingle("Validation is not retried by default");
            },
        },
        new("activity-onError-fallback", "p-fallback", Fallback)
        {
            Input = new JsonObject { ["name"] = "Ada" },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["value"]!.GetValue<string>().Should().Be("fallback for Ada");
            },
        },
        new("activity-permanent-fails-instance", "p-permanent", Permanent)
        {
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Failed);
                o.ErrorKind.Should().Be("Permanent");
                o.ErrorStepId.Should().Be("bad");
                o.Step("bad").Attempts.Should().Be(1);
                o.CallsOf(TestActivities.Fail).Should().ContainSingle();
                o.Timeline.Should().NotContain(t => t.Key == "never");
            },
        },
        new("if-then", "p-if", If)
        {
            Input = new JsonObject { ["amount"] = 250 },
            Expect = o =>
            {
                o.Output!["branch"]!.GetValue<string>().Should().Be("then");
                o.CallsOf(TestActivities.Echo).Select(c => c.StepKey).Should().Equal("big");
            },
        },
        new("if-else", "p-if", If)
        {
            Input = new JsonObject { ["amount"] = 5 },
            Expect = o =>
            {
                o.Output!["branch"]!.GetValue<string>().Should().Be("else");
                o.CallsOf(TestActivities.Echo).Select(c => c.StepKey).Should().Equal("small");
            },
        },
        new("switch-case", "p-switch", Switch)
        {
            Input = new JsonObject { ["kind"] = "order" },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.CallsOf(TestActivities.Echo).Select(c => c.StepKey).Should().Equal("sales");
            },
        },
        new("switch-default", "p-switch", Switch)
        {
            Input = new JsonObject { ["kind"] = "complaint" },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.CallsOf(TestActivities.Echo).Select(c => c.StepKey).Should().Equal("other");
            },
        },
        new("forEach-sequential", "p-sequential", Sequential)
        {
            Input = new JsonObject { ["items"] = new JsonArray("ada", "grace", "linus") },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["names"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("ADA", "GRACE", "LINUS");
                o.Timeline.Where(t => t.StepId == "each").Select(t => t.Key).Should().Equal("loop[0].each", "loop[1].each", "loop[2].each");
            },
        },
        new("forEach-parallel-capped", "p-parallel", Parallel)
        {
            Input = new JsonObject { ["items"] = Range(6) },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["items"]!.AsArray().Select(n => n!.GetValue<int>()).Should().Equal(0, 1, 2, 3, 4, 5);
                o.MaxConcurrentTrack.Should().Be(2, "maxConcurrency is 2 and six items each hold a slot for 300 ms");
            },
        },
        new("wait-duration", "p-wait", Wait)
        {
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Step("pause").Status.Should().Be(StepStatus.Completed);
                o.CallsOf(TestActivities.Echo).Should().ContainSingle();
            },
        },
        new("waitForEvent-raised", "p-event", WaitForEvent)
        {
            Drive = async run =>
            {
                await run.WaitForStepAsync("signal", StepStatus.Waiting);
                await run.RaiseAsync("go", new JsonObject { ["note"] = "ship it", ["count"] = 2 });
            },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["got"]!["note"]!.GetValue<string>().Should().Be("ship it");
                o.Output!["timedOut"]!.GetValue<bool>().Should().BeFalse();
                o.Timeline.Should().NotContain(t => t.Key == "late");
            },
        },
        new("waitForEvent-timeout", "p-event-timeout", WaitForEventTimeout)
        {
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Step("signal").Status.Should().Be(StepStatus.TimedOut);
                o.Output!["timedOut"]!.GetValue<bool>().Should().BeTrue();
                o.CallsOf(TestActivities.Echo).Select(c => c.StepKey).Should().Equal("chase");
            },
        },
        new("approval-approved", "p-approval", Gate("reject", "", ""))
        {
            Input = new JsonObject { ["title"] = "Launch" },
            Drive = run => run.DecideAsync("ed@example.com", "approved", "Looks good"),
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["gate"]!["decision"]!.GetValue<string>().Should().Be("approved");
                o.Output!["gate"]!["comment"]!.GetValue<string>().Should().Be("Looks good");
                o.Output!["gate"]!["decidedBy"]!.GetValue<string>().Should().Be("ed@example.com");
                o.CallsOf(TestActivities.Echo).Single().Input.Should().Contain("approved");
            },
        },
        new("approval-rejected", "p-approval", Gate("reject", "", ""))
        {
            Input = new JsonObject { ["title"] = "Launch" },
            Drive = run => run.DecideAsync("ed@example.com", "rejected", "Not yet"),
            Expect = o =>
            {
                o.Output!["gate"]!["decision"]!.GetValue<string>().Should().Be("rejected");
                o.Output!["gate"]!["timedOut"]!.GetValue<bool>().Should().BeFalse();
            },
        },
        new("approval-deadline-reject-with-reminders", "p-approval",
            Gate("reject", """, "deadline": "2s" """, """, "reminder": { "interval": "600ms", "max": 2 }"""))
        {
            Input = new JsonObject { ["title"] = "Launch" },
            Expect = o =>
            {
                o.Output!["gate"]!["decision"]!.GetValue<string>().Should().Be("rejected");
                o.Output!["gate"]!["timedOut"]!.GetValue<bool>().Should().BeTrue();
                o.Output!["gate"]!["reminders"]!.GetValue<int>().Should().Be(2);
                o.SandboxCalls.Should().Equal(Enumerable.Repeat("Smtp.SendAsync review", 3), "the request and two reminders");
            },
        },
        new("approval-deadline-continue", "p-approval", Gate("continue", """, "deadline": "1s" """, ""))
        {
            Input = new JsonObject { ["title"] = "Launch" },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["gate"]!["decision"]!.GetValue<string>().Should().Be("timed_out");
                o.Output!["gate"]!["timedOut"]!.GetValue<bool>().Should().BeTrue();
            },
        },
        new("approval-deadline-escalate", "p-approval", Gate("escalate", """, "deadline": "4s" """, "", twoGroups: true))
        {
            Input = new JsonObject { ["title"] = "Launch" },
            Drive = run => run.DecideAsync("boss@example.com", "approved", "Escalated and approved", emailsExpected: 2),
            Expect = o =>
            {
                o.Output!["gate"]!["decision"]!.GetValue<string>().Should().Be("approved");
                o.Output!["gate"]!["decidedBy"]!.GetValue<string>().Should().Be("boss@example.com");
                o.Output!["gate"]!["group"]!.GetValue<string>().Should().Be("owners");
                o.SandboxCalls.Should().HaveCount(2, "the first group, then the second after the deadline");
            },
        },
        new("subWorkflow-completes", "p-parent", Parent, Child)
        {
            Input = new JsonObject { ["name"] = "Ada" },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["child"]!["greeting"]!.GetValue<string>().Should().Be("hello Ada");
                o.Observed["p-child"]!.AsArray().Should().ContainSingle();
            },
        },
        new("subWorkflow-child-fails", "p-parent", Parent, FailingChild)
        {
            Input = new JsonObject { ["name"] = "Ada" },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Failed);
                o.ErrorKind.Should().Be("ChildFailed");
                o.Step("child").ErrorKind.Should().Be("ChildFailed");
                o.CallsOf(TestActivities.Echo).Should().BeEmpty();
            },
        },
        new("set-variables", "p-set", Set)
        {
            Input = new JsonObject { ["name"] = "ada" },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["greeting"]!.GetValue<string>().Should().Be("hi ADA");
                o.Output!["count"]!.GetValue<int>().Should().Be(1);
                o.CallsOf(TestActivities.Echo).Single().Input.Should().Contain("hi ADA");
            },
        },
        new("emit-starts-consumer-once", "p-producer", Producer, Consumer)
        {
            Input = new JsonObject { ["orderId"] = "o-42" },
            Drive = async run =>
            {
                await run.WaitForAsync(v => v.Status == InstanceStatus.Completed);
                await run.WaitForOtherInstancesAsync("p-consumer", 1);
                await Task.Delay(500); // a second start would show by now
            },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                var consumers = o.Observed["p-consumer"]!.AsArray();
                consumers.Should().ContainSingle("only the message whose amount matches the condition starts it");
                consumers[0]!["status"]!.GetValue<string>().Should().Be("Completed");
                consumers[0]!["input"]!["id"]!.GetValue<string>().Should().Be("o-42");
                consumers[0]!["output"]!["amount"]!.GetValue<int>().Should().Be(250);
            },
        },
        new("terminate-step", "p-terminate", Terminate("terminated"))
        {
            Input = new JsonObject { ["name"] = "Ada" },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Terminated);
                o.CallsOf(TestActivities.Echo).Select(c => c.StepKey).Should().Equal("before");
            },
        },
        new("terminate-step-failed", "p-terminate", Terminate("failed"))
        {
            Input = new JsonObject { ["name"] = "Ada" },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Failed);
                o.CallsOf(TestActivities.Echo).Select(c => c.StepKey).Should().Equal("before");
            },
        },
        new("terminate-requested-while-waiting", "p-wait-forever", WaitForever)
        {
            Drive = async run =>
            {
                await run.WaitForStepAsync("signal", StepStatus.Waiting);
                await run.TerminateAsync("operator stopped it");
            },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Terminated);
                o.CallsOf(TestActivities.Echo).Select(c => c.StepKey).Should().Equal("before");
            },
        },
        new("replay-from-failed-step", "p-replay", Replay)
        {
            Drive = run => run.ReplayAfterHealingAsync(TestActivities.Toggle),
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["flip"]!["healed"]!.GetValue<bool>().Should().BeTrue();
                o.CallsOf(TestActivities.Echo).Select(c => c.StepKey).Should().Equal(["first", "last"], "the step before the failure is not run again");
                o.CallsOf(TestActivities.Toggle).Should().HaveCount(2);
            },
        },
        new("continueAsNew-sequential-150-activities", "p-long", Long)
        {
            Input = new JsonObject { ["items"] = Range(150) },
            TimeoutMs = 90_000,
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["items"]!.AsArray().Select(n => n!.GetValue<int>()).Should().Equal(Enumerable.Range(0, 150));
                o.CallsOf(TestActivities.Echo).Should().HaveCount(150);
            },
            ExpectDurable = run => run.ContinuedAsNew.Should().BeGreaterThan(0, "a chain of 150 activities passes MaxEventsPerExecution (100) and is cut between two of them"),
        },
        new("continueAsNew-sequential-with-quiet-points", "p-long-pauses", LongWithPauses)
        {
            Input = new JsonObject { ["items"] = Range(80) },
            TimeoutMs = 90_000,
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["items"]!.AsArray().Select(n => n!.GetValue<int>()).Should().Equal(Enumerable.Range(0, 80));
                o.CallsOf(TestActivities.Echo).Should().HaveCount(80);
            },
            ExpectDurable = run => run.ContinuedAsNew.Should().BeGreaterThan(0, "160 events pass MaxEventsPerExecution (100) and every wait is a quiet point"),
        },
        new("request-handler-support-sample", RequestHandlerNames.WorkflowId)
        {
            Input = RequestHandlerSample("support.json"),
            Settings = new Dictionary<string, string?> { ["Runtime:WorkflowsFolder"] = ShippedWorkflows.RequestHandlerFolder },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.SandboxCalls.Should().NotBeEmpty();
            },
        },
        new("email-ticket-outage-sample", MailAgentNames.WorkflowId)
        {
            Input = StoredMessageInput("outage.eml"),
            Arrange = harness => StoreMessageAsync(harness, "outage.eml"),
            Settings = new Dictionary<string, string?> { ["Runtime:WorkflowsFolder"] = ShippedWorkflows.MailFolder, ["Mail:Agent:TeamRecipients:0"] = "team@example.com" },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["outcome"]!.GetValue<string>().Should().Be("Opened");
                o.Output["priority"]!.GetValue<string>().Should().Be("Critique");
                o.Output["ticketId"]!.GetValue<string>().Should().StartWith("TKT-");
                o.SandboxCalls.Should().NotBeEmpty("the team email is recorded by the sandbox");
            },
        },
        new("email-ticket-out-of-office-sample", MailAgentNames.WorkflowId)
        {
            Input = StoredMessageInput("out-of-office.eml"),
            Arrange = harness => StoreMessageAsync(harness, "out-of-office.eml"),
            Settings = new Dictionary<string, string?> { ["Runtime:WorkflowsFolder"] = ShippedWorkflows.MailFolder, ["Mail:Agent:TeamRecipients:0"] = "team@example.com" },
            Expect = o =>
            {
                o.Status.Should().Be(InstanceStatus.Completed);
                o.Output!["outcome"]!.GetValue<string>().Should().Be("AutoReply");
                o.SandboxCalls.Should().BeEmpty("a screened message gets no notification and no reply");
            },
        },
    ];

    /// <summary>The input the mailbox trigger gives the email-ticket workflow for a sample of samples/mail.</summary>
    private static JsonObject StoredMessageInput(string file) => new()
    {
        ["mailbox"] = "support",
        ["uidValidity"] = 1,
        ["uid"] = 1,
        ["dedupKey"] = "sample-" + Path.GetFileNameWithoutExtension(file),
        ["messageId"] = null,
        ["message"] = new JsonObject { ["container"] = WorkflowStartingSink.Container, ["name"] = "support/" + file },
    };

    private static async Task StoreMessageAsync(IRuntimeHarness harness, string file)
    {
        await using var content = File.OpenRead(Path.Combine(RepositoryRoot(), "samples", "mail", file));
        await harness.Services.GetRequiredService<IBlobStore>().PutAsync(WorkflowStartingSink.Container, "support/" + file, content);
    }

    public static ParityScenario Find(string name) => All.Single(s => s.Name == name);

    /// <summary>A folder holding only the shipped workflows/request-handler.json: the repository's workflows folder
    /// also holds workflows/demo, whose activities only the embedded host registers. (A nested class, so it is
    /// initialised before <see cref="All"/> reads it.)</summary>
    private static class ShippedWorkflows
    {
        public static readonly string RequestHandlerFolder = Create("request-handler.json");

        public static readonly string MailFolder = Create(Path.Combine("mail", "email-ticket.json"));

        private static string Create(string shipped)
        {
            var folder = Path.Combine(Path.GetTempPath(), "serverless-durable-tests", "shipped-workflows-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(RepositoryRoot(), "workflows", shipped), Path.Combine(folder, Path.GetFileName(shipped)));
            return folder;
        }
    }

    /// <summary>The workflow input the intake endpoint builds from a sample form (see Serverless.Intake WorkflowInput).</summary>
    private static JsonObject RequestHandlerSample(string file)
    {
        var form = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "request-handler", file)))!.AsObject();
        var source = form["source"]!.GetValue<string>().Trim().ToLowerInvariant();
        return new JsonObject
        {
            ["source"] = source,
            ["form_type"] = RequestTypes.FromSource(source),
            ["objet"] = form["objet"]!.GetValue<string>().Trim(),
            ["description"] = form["description"]!.GetValue<string>().Trim(),
            ["user_email"] = form["user_email"]!.GetValue<string>().Trim(),
            ["user_name"] = form["user_name"]!.GetValue<string>().Trim(),
            ["fichiers"] = new JsonArray(),
            ["file_count"] = 0,
            ["received_at"] = "2026-03-02T09:00:00.0000000+00:00",
        };
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Repository root (Serverless.sln) not found above " + AppContext.BaseDirectory);
    }
}
