using Serverless.Engine.Interpreter;

namespace Serverless.Engine.Tests.Interpreter;

public class WaitAndEventTests
{
    [Fact]
    public void Wait_Duration_StartsTimerAndContinuesWhenItFires()
    {
        var h = new Harness("""{ "id": "w", "steps": [ { "id": "pause", "type": "wait", "duration": "2h" }, { "id": "after", "type": "activity", "activity": "x" } ] }""");

        var timer = h.Start().Timer();

        timer.DueAt.Should().Be(Harness.T0.AddHours(2));
        h.State.Status.Should().Be(InstanceStatus.Waiting);
        h.Fire(timer).Activity("x").Should().NotBeNull();
    }

    [Fact]
    public void Wait_UntilInThePast_ContinuesAtOnce()
    {
        var h = new Harness("""{ "id": "w", "steps": [ { "id": "pause", "type": "wait", "until": "{{input.at}}" }, { "id": "after", "type": "activity", "activity": "x" } ] }""");

        h.Start("""{"at":"2020-01-01T00:00:00Z"}""").Activity("x").Should().NotBeNull();
    }

    [Fact]
    public void Wait_UntilInTheFuture_TimerAtThatTime()
    {
        var h = new Harness("""{ "id": "w", "steps": [ { "id": "pause", "type": "wait", "until": "{{input.at}}" } ] }""");

        h.Start("""{"at":"2026-11-23T08:00:00+01:00"}""").Timer().DueAt.Should().Be(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("2.5", 2500)]
    [InlineData("0", 0)]
    public void Wait_TemplatedDuration_RendersThenWaits(string seconds, int expectedMs)
    {
        var h = new Harness("""{ "id": "w", "steps": [ { "id": "pause", "type": "wait", "duration": "{{input.delay}}s" }, { "id": "after", "type": "activity", "activity": "x" } ] }""");

        var commands = h.Start($$"""{"delay":{{seconds}}}""");

        if (expectedMs == 0)
        {
            commands.Activity("x").Should().NotBeNull();
        }
        else
        {
            commands.Timer().DueAt.Should().Be(Harness.T0.AddMilliseconds(expectedMs));
        }
    }

    [Fact]
    public void Wait_TemplatedDurationNotADuration_FailsNamingTheValue()
    {
        var h = new Harness("""{ "id": "w", "steps": [ { "id": "pause", "type": "wait", "duration": "{{input.delay}}" } ] }""");

        h.Start("""{"delay":"soon"}""");

        h.State.Status.Should().Be(InstanceStatus.Failed);
        h.State.Error!.Message.Should().Contain("soon").And.Contain("not a duration");
    }

    private const string Payment = """
    {
      "id": "pay",
      "steps": [
        { "id": "await", "type": "waitForEvent", "event": "paid-{{input.order}}", "timeout": "1d",
          "onTimeout": [ { "id": "remind", "type": "activity", "activity": "mail.remind" } ] },
        { "id": "ship", "type": "activity", "activity": "ship", "input": { "amount": "{{steps.await.output.amount}}" } }
      ]
    }
    """;

    [Fact]
    public void WaitForEvent_EventArrives_OutputIsPayload()
    {
        var h = new Harness(Payment);
        var commands = h.Start("""{"order":7}""");
        commands.OfType<WaitForEvent>().Single().EventName.Should().Be("paid-7");

        h.Raise("paid-7", """{"amount":120.5}""").Activity("ship").Input!["amount"]!.GetValue<double>().Should().Be(120.5);
        h.Step("await").Status.Should().Be(StepStatus.Completed);
    }

    [Fact]
    public void WaitForEvent_EventRaisedBeforeWaiting_IsKeptAndDelivered()
    {
        var h = new Harness("""
        { "id": "early", "steps": [
          { "id": "first", "type": "activity", "activity": "slow" },
          { "id": "await", "type": "waitForEvent", "event": "go" },
          { "id": "after", "type": "activity", "activity": "x", "input": "{{steps.await.output.n}}" } ] }
        """);
        var slow = h.Start().Activity("slow");

        h.Raise("go", """{"n":5}""").Should().BeEmpty();
        h.State.BufferedEvents.Should().ContainSingle();

        h.Complete(slow).Activity("x").Input!.GetValue<int>().Should().Be(5);
        h.State.BufferedEvents.Should().BeEmpty();
    }

    [Fact]
    public void WaitForEvent_TimeoutFirst_RunsTimeoutBranchAndEndsTimedOut()
    {
        var h = new Harness(Payment);
        var timer = h.Start("""{"order":7}""").Timer();

        var remind = h.Fire(timer).Activity("mail.remind");
        h.Raise("paid-7", "{}").Should().BeEmpty("the wait is over; the late event is only buffered");
        h.Complete(remind).Activity("ship").Should().NotBeNull();

        h.Step("await").Status.Should().Be(StepStatus.TimedOut);
    }

    [Fact]
    public void WaitForEvent_EventFirst_LaterTimeoutIsIgnored()
    {
        var h = new Harness(Payment);
        var timer = h.Start("""{"order":1}""").Timer();
        var ship = h.Raise("paid-1", "{}").Activity("ship");

        h.Fire(timer).Should().BeEmpty();
        h.Complete(ship);
        h.State.Status.Should().Be(InstanceStatus.Completed);
    }
}
