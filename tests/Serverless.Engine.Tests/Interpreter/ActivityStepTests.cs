using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;

namespace Serverless.Engine.Tests.Interpreter;

public class ActivityStepTests
{
    private const string TwoSteps = """
    {
      "id": "greet", "version": 3,
      "steps": [
        { "id": "lookup", "type": "activity", "activity": "crm.find", "input": { "email": "{{trigger.body.email}}" }, "timeout": "30s" },
        { "id": "send", "type": "activity", "activity": "mail.send",
          "input": { "to": "{{input.email}}", "subject": "Hello {{steps.lookup.output.name}}", "contactId": "{{steps.lookup.output.id}}" } }
      ],
      "output": { "contact": "{{steps.lookup.output.id}}" }
    }
    """;

    [Fact]
    public void Apply_StartedThenActivitiesComplete_RendersInputsAndCompletesWithOutput()
    {
        var h = new Harness(TwoSteps);

        var first = h.Start("""{"email":"ada@example.com"}""").Activity("crm.find");
        first.Input!["email"]!.GetValue<string>().Should().Be("ada@example.com");
        first.Timeout.Should().Be(TimeSpan.FromSeconds(30));
        h.State.Status.Should().Be(InstanceStatus.Running);

        var second = h.Complete(first, """{"id":42,"name":"Ada"}""").Activity("mail.send");
        second.Input!["subject"]!.GetValue<string>().Should().Be("Hello Ada");
        second.Input!["contactId"]!.GetValue<int>().Should().Be(42, "a value that is exactly one expression keeps its JSON type");

        var end = h.Complete(second, "{}");
        end.OfType<CompleteInstance>().Single().Output!["contact"]!.GetValue<int>().Should().Be(42);
        h.State.Status.Should().Be(InstanceStatus.Completed);
        h.State.Timeline.Select(r => (r.Key, r.Status)).Should().Equal(("lookup", StepStatus.Completed), ("send", StepStatus.Completed));
    }

    [Fact]
    public void Apply_SameEventTwice_SecondIsIgnored()
    {
        var h = new Harness(TwoSteps);
        var first = h.Start("""{"email":"a@b.c"}""").Activity("crm.find");
        h.Complete(first, """{"id":1}""");
        var stateAfterFirst = h.State.ToJson();

        h.Complete(first, """{"id":2}""").Should().BeEmpty();
        h.State.ToJson().Should().Be(stateAfterFirst);
    }

    [Fact]
    public void Apply_DoesNotMutateTheStatePassedIn()
    {
        var h = new Harness(TwoSteps);
        h.Start();
        var before = h.State.ToJson();
        var decision = WorkflowInterpreter.Apply(h.Definition, h.State, new ActivityCompleted(h.AllCommands.Activity("crm.find").CommandId, null), h.Now);

        h.State.ToJson().Should().Be(before);
        decision.State.ToJson().Should().NotBe(before);
    }

    private const string Retrying = """
    {
      "id": "retrying",
      "steps": [
        { "id": "call", "type": "activity", "activity": "api.call",
          "retry": { "maxAttempts": 3, "firstInterval": "10s", "backoffCoefficient": 2, "maxInterval": "1m", "jitter": 0.2, "retryOn": ["Transient", "RateLimited"] } }
      ]
    }
    """;

    [Fact]
    public void Apply_RetriableFailure_SchedulesBackoffTimerThenRetriesWithSameIdempotencyKey()
    {
        var h = new Harness(Retrying);
        var attempt1 = h.Start().Activity("api.call");

        var timer = h.Fail(attempt1).Timer();
        var delay = timer.DueAt - h.Now;
        delay.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(8)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(12));
        h.State.Status.Should().Be(InstanceStatus.Waiting);

        var attempt2 = h.Fire(timer).Activity("api.call");
        attempt2.Attempt.Should().Be(2);
        attempt2.CommandId.Should().NotBe(attempt1.CommandId);
        attempt2.IdempotencyKey.Should().Be(attempt1.IdempotencyKey);

        var timer2 = h.Fail(attempt2).Timer();
        (timer2.DueAt - h.Now).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(16)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(24));

        var attempt3 = h.Fire(timer2).Activity("api.call");
        var end = h.Fail(attempt3, message: "still down");
        end.OfType<FailInstance>().Single().Error.Message.Should().Contain("still down").And.Contain("3 attempts");
        h.State.Status.Should().Be(InstanceStatus.Failed);
        h.State.Error!.StepId.Should().Be("call");
    }

    [Fact]
    public void Apply_RetryAfterLongerThanBackoff_WaitsRetryAfter()
    {
        var h = new Harness(Retrying);
        var attempt1 = h.Start().Activity("api.call");

        var timer = h.Fail(attempt1, ErrorKinds.RateLimited, "429", TimeSpan.FromSeconds(45)).Timer();

        (timer.DueAt - h.Now).Should().Be(TimeSpan.FromSeconds(45));
    }

    [Fact]
    public void Apply_NonRetriableKind_FailsAtOnceNamingTheStep()
    {
        var h = new Harness(Retrying);
        var attempt1 = h.Start().Activity("api.call");

        var commands = h.Fail(attempt1, ErrorKinds.Unauthorized, "token refused");

        commands.OfType<StartTimer>().Should().BeEmpty();
        var fail = commands.OfType<FailInstance>().Single();
        fail.Error.Kind.Should().Be(ErrorKinds.Unauthorized);
        fail.Error.StepId.Should().Be("call");
    }

    [Fact]
    public void Jitter_IsDeterministicPerInstanceAndVariesAcrossInstances()
    {
        var policy = new RetryPolicy { FirstInterval = "10s", Jitter = 0.5 };
        var a1 = DeterministicJitter.RetryDelay(policy, 1, "instance-a", "call");
        var a2 = DeterministicJitter.RetryDelay(policy, 1, "instance-a", "call");
        var delays = Enumerable.Range(0, 20).Select(i => DeterministicJitter.RetryDelay(policy, 1, $"instance-{i}", "call")).ToList();

        a1.Should().Be(a2);
        delays.Distinct().Should().HaveCountGreaterThan(10);
        delays.Should().OnlyContain(d => d >= TimeSpan.FromSeconds(5) && d <= TimeSpan.FromSeconds(15));
    }

    [Theory]
    [InlineData("continue", StepStatus.Failed, null)]
    [InlineData("fallback", StepStatus.Completed, "fallback-value")]
    public void Apply_FailureWithOnErrorContinueOrFallback_RecordsErrorAndGoesOn(string policy, StepStatus expected, string? output)
    {
        var h = new Harness($$$"""
        {
          "id": "tolerant",
          "steps": [
            { "id": "optional", "type": "activity", "activity": "clickup.create", "onError": "{{{policy}}}", "fallback": "fallback-value" },
            { "id": "after", "type": "activity", "activity": "mail.send", "input": { "previous": "{{steps.optional.status}}" } }
          ]
        }
        """);
        var optional = h.Start().Activity("clickup.create");

        var next = h.Fail(optional, ErrorKinds.Permanent, "ClickUp is down").Activity("mail.send");

        var record = h.Step("optional");
        record.Status.Should().Be(expected);
        record.Error!.Message.Should().Be("ClickUp is down");
        record.Output?.GetValue<string>().Should().Be(output);
        next.Input!["previous"]!.GetValue<string>().Should().Be(expected.ToString());
        h.State.Status.Should().Be(InstanceStatus.Running);
    }

    [Fact]
    public void Apply_FailureWithOnErrorFail_EndsFailedNamingTheStep()
    {
        var h = new Harness("""
        { "id": "strict", "steps": [
            { "id": "create-contact", "type": "activity", "activity": "hubspot.contact" },
            { "id": "never", "type": "activity", "activity": "mail.send" } ] }
        """);
        var create = h.Start().Activity("hubspot.contact");

        var commands = h.Fail(create, ErrorKinds.Permanent, "HubSpot refused the contact");

        commands.OfType<RunActivity>().Should().BeEmpty();
        h.State.Status.Should().Be(InstanceStatus.Failed);
        h.State.Error.Should().Be(new ErrorInfo(ErrorKinds.Permanent, "HubSpot refused the contact", "create-contact"));
        h.State.Timeline.Should().ContainSingle(r => r.Key == "create-contact" && r.Status == StepStatus.Failed);
    }

    [Fact]
    public void Apply_ReplayAfterFailure_RerunsTheFailedStepWithNewCommandIdAndSameIdempotencyKey()
    {
        var h = new Harness("""
        { "id": "replayable", "steps": [
            { "id": "one", "type": "activity", "activity": "a" },
            { "id": "two", "type": "activity", "activity": "b" } ] }
        """);
        h.Complete(h.Start().Activity("a"), "1");
        var failed = h.AllCommands.Activity("b");
        h.Fail(failed, ErrorKinds.Permanent);

        var rerun = h.Apply(new ReplayRequested()).Activity("b");

        rerun.CommandId.Should().NotBe(failed.CommandId);
        rerun.IdempotencyKey.Should().Be(failed.IdempotencyKey);
        h.State.Status.Should().Be(InstanceStatus.Running);
        h.Complete(rerun, "2");
        h.State.Status.Should().Be(InstanceStatus.Completed);
        h.Step("one").Output!.GetValue<int>().Should().Be(1, "steps before the failure are kept, not re-run");
        h.AllCommands.OfType<RunActivity>().Count(c => c.Activity == "a").Should().Be(1);
    }

    [Fact]
    public void Apply_InputTemplateError_FailsNamingStepAndExpression()
    {
        var h = new Harness("""
        { "id": "bad", "steps": [ { "id": "format", "type": "activity", "activity": "a", "input": "{{ input.name | nosuchfilter }}" } ] }
        """);

        h.Start();

        h.State.Status.Should().Be(InstanceStatus.Failed);
        h.State.Error!.Kind.Should().Be(ErrorKinds.Expression);
        h.State.Error.Message.Should().Contain("format").And.Contain("nosuchfilter");
    }

    [Fact]
    public void Apply_MissingPath_RendersNullNotAnError()
    {
        var h = new Harness("""
        { "id": "missing", "steps": [ { "id": "a", "type": "activity", "activity": "x", "input": { "v": "{{ input.nope.deeper }}", "t": "x{{ input.nope }}y" } } ] }
        """);

        var run = h.Start().Activity("x");

        run.Input!["v"].Should().BeNull();
        run.Input!["t"]!.GetValue<string>().Should().Be("xy");
    }

    [Fact]
    public void Apply_TerminateRequested_EndsTerminatedAndIgnoresLaterEvents()
    {
        var h = new Harness(TwoSteps);
        var first = h.Start().Activity("crm.find");

        h.Apply(new TerminateRequested("operator stop")).OfType<CompleteInstance>().Single().Status.Should().Be(InstanceStatus.Terminated);
        h.Complete(first, "{}").Should().BeEmpty();
        h.State.Status.Should().Be(InstanceStatus.Terminated);
        h.State.Pending.Should().BeEmpty();
    }

    [Fact]
    public void Apply_DryRun_IsKeptOnTheState()
    {
        var h = new Harness(TwoSteps);
        h.Start(dryRun: true);
        h.State.DryRun.Should().BeTrue();
        h.State.Trigger!["body"].Should().NotBeNull();
    }

    [Fact]
    public void State_RoundTripsThroughJsonExactly()
    {
        var h = new Harness(Retrying);
        h.Fail(h.Start().Activity("api.call"));

        var json = h.State.ToJson();

        InstanceState.FromJson(json).ToJson().Should().Be(json);
        JsonNode.Parse(json)!["pending"].Should().NotBeNull();
    }
}
