using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;

namespace Serverless.Engine.Tests.Interpreter;

public class ApprovalStepTests
{
    private static string Gate(string onTimeout) => $$$"""
    {
      "id": "content-approval",
      "steps": [
        { "id": "review", "type": "approval",
          "approvers": [ { "name": "editors", "members": ["ed@x.com"] }, { "name": "owners", "members": ["boss@x.com"] } ],
          "channels": ["email", "slack"],
          "message": { "subject": "Approve {{input.title}}", "body": "{{input.body | truncate: 10}}" },
          "item": { "title": "{{input.title}}" },
          "reminder": { "interval": "6h", "max": 2 },
          "deadline": "24h",
          "onTimeout": "{{{onTimeout}}}" },
        { "id": "after", "type": "activity", "activity": "publish", "input": { "decision": "{{steps.review.output.decision}}" } }
      ]
    }
    """;

    private static Harness Opened(string onTimeout, out IReadOnlyList<WorkflowCommand> opening)
    {
        var h = new Harness(Gate(onTimeout));
        opening = h.Start("""{"title":"Post BIM","body":"A very long body text"}""");
        return h;
    }

    [Fact]
    public void Open_NotifiesFirstGroupArmsTimersAndReportsCustomStatus()
    {
        var h = Opened("reject", out var opening);

        var notify = opening.Activity("approval.notify");
        notify.Input!["group"]!.GetValue<string>().Should().Be("editors");
        notify.Input!["subject"]!.GetValue<string>().Should().Be("Approve Post BIM");
        notify.Input!["eventName"]!.GetValue<string>().Should().Be(ApprovalGate.EventName("review"));
        opening.OfType<StartTimer>().Select(t => t.DueAt).Should().BeEquivalentTo([Harness.T0.AddHours(6), Harness.T0.AddHours(24)]);
        h.State.CustomStatus!["gate"]!.GetValue<string>().Should().Be("review");
        h.State.Status.Should().Be(InstanceStatus.Running, "the notification activity is still running");
        h.Complete(notify);
        h.State.Status.Should().Be(InstanceStatus.Waiting);
    }

    [Theory]
    [InlineData("approved")]
    [InlineData("rejected")]
    [InlineData("changes_requested")]
    public void Decision_ClosesGateWithDecisionAndComment(string decision)
    {
        var h = Opened("reject", out _);

        var after = h.Raise(ApprovalGate.EventName("review"), $$"""{"decision":"{{decision}}","comment":"ok","by":"ed@x.com"}""").Activity("publish");

        after.Input!["decision"]!.GetValue<string>().Should().Be(decision);
        var output = h.Step("review").Output!;
        output["comment"]!.GetValue<string>().Should().Be("ok");
        output["decidedBy"]!.GetValue<string>().Should().Be("ed@x.com");
        h.State.CustomStatus.Should().BeNull();
        h.State.Pending.Values.Should().NotContain(p => p.StepKey == "review");
    }

    [Fact]
    public void Decision_Invalid_IsIgnoredAndGateStaysOpen()
    {
        var h = Opened("reject", out _);

        h.Raise(ApprovalGate.EventName("review"), """{"decision":"maybe"}""").Should().BeEmpty();

        h.Step("review").Status.Should().Be(StepStatus.Waiting);
    }

    [Fact]
    public void Reminders_FireAtIntervalUpToMaximum()
    {
        var h = Opened("continue", out var opening);
        var reminder1 = opening.OfType<StartTimer>().OrderBy(t => t.DueAt).First();

        var afterFirst = h.Fire(reminder1);
        afterFirst.Activity("approval.notify").Input!["reminder"]!.GetValue<int>().Should().Be(1);
        var reminder2 = afterFirst.Timer();
        reminder2.DueAt.Should().Be(Harness.T0.AddHours(12));

        var afterSecond = h.Fire(reminder2);
        afterSecond.Activity("approval.notify").Input!["reminder"]!.GetValue<int>().Should().Be(2);
        afterSecond.OfType<StartTimer>().Should().BeEmpty("the maximum of 2 reminders is reached");
        h.Step("review").Gate!.RemindersSent.Should().Be(2);
    }

    [Fact]
    public void Deadline_Reject_ClosesAsRejected()
    {
        var h = Opened("reject", out var opening);
        var deadline = opening.OfType<StartTimer>().MaxBy(t => t.DueAt)!;

        h.Fire(deadline).Activity("publish").Input!["decision"]!.GetValue<string>().Should().Be(ApprovalDecisions.Rejected);
        h.Step("review").Output!["timedOut"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void Deadline_Continue_ClosesAsTimedOut()
    {
        var h = Opened("continue", out var opening);
        var deadline = opening.OfType<StartTimer>().MaxBy(t => t.DueAt)!;

        h.Fire(deadline).Activity("publish").Input!["decision"]!.GetValue<string>().Should().Be(ApprovalDecisions.TimedOut);
    }

    [Fact]
    public void Deadline_Escalate_NotifiesNextGroupThenRejectsWhenNoneLeft()
    {
        var h = Opened("escalate", out var opening);
        var deadline = opening.OfType<StartTimer>().MaxBy(t => t.DueAt)!;

        var escalation = h.Fire(deadline);
        escalation.Activity("approval.notify").Input!["group"]!.GetValue<string>().Should().Be("owners");
        var second = escalation.OfType<StartTimer>().MaxBy(t => t.DueAt)!;
        second.DueAt.Should().Be(Harness.T0.AddHours(48));
        h.State.CustomStatus!["group"]!.GetValue<string>().Should().Be("owners");

        h.Fire(second).Activity("publish").Input!["decision"]!.GetValue<string>().Should().Be(ApprovalDecisions.Rejected);
        h.Step("review").Notes.Should().Contain(n => n.Contains("no approver group is left"));
    }

    [Fact]
    public void Decision_AfterDeadlineClosedGate_IsOnlyBuffered()
    {
        var h = Opened("reject", out var opening);
        h.Fire(opening.OfType<StartTimer>().MaxBy(t => t.DueAt)!);

        h.Raise(ApprovalGate.EventName("review"), """{"decision":"approved"}""").OfType<RunActivity>().Should().BeEmpty();
        h.Step("review").Output!["decision"]!.GetValue<string>().Should().Be(ApprovalDecisions.Rejected);
    }

    [Fact]
    public void NotifyFailure_IsNotedAndGateStaysOpen()
    {
        var h = Opened("reject", out var opening);

        h.Fail(opening.Activity("approval.notify"), ErrorKinds.Transient, "SMTP down");

        h.Step("review").Status.Should().Be(StepStatus.Waiting);
        h.Step("review").Notes.Should().Contain(n => n.Contains("SMTP down"));
    }
}
