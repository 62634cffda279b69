using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Approvals.Tests.Support;
using Serverless.Engine.Interpreter;

namespace Serverless.Approvals.Tests.Gates;

public sealed class GateTimingTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Reminders_AtTheIntervalUpToTheMaximum_SayRappelNAndAreCounted()
    {
        await using var host = await ApprovalHost.StartAsync(folder.Path, GateWorkflows.Workflow(deadline: "10h", reminder: "2h"));
        var id = await host.StartGateAsync();
        await host.EmailsAsync(id, 1);

        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.EmailsAsync(id, 2);
        host.Clock.Advance(TimeSpan.FromHours(2));
        var emails = await host.EmailsAsync(id, 3);
        host.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(500);

        emails = await host.EmailsAsync(id, 3);
        emails.Select(e => e.Request["subject"]!.GetValue<string>()).Should().Equal(
            "Publier « Lancement BIM 2026 »", "Rappel 1 : Publier « Lancement BIM 2026 »", "Rappel 2 : Publier « Lancement BIM 2026 »");
        emails[2].Request["text"]!.GetValue<string>().Should().StartWith("[Rappel 2]");
        var slack = await host.CallsAsync(id, "chat.postMessage", 3);
        slack[2].Request["text"]!.GetValue<string>().Should().StartWith("Rappel 2 : ");

        var pending = await host.Http.GetFromJsonAsync<JsonObject>("/api/approvals?status=pending");
        pending!["items"]![0]!["remindersSent"]!.GetValue<int>().Should().Be(2);

        var latestApprove = ApprovalHost.Tokens(emails[2])[0];
        (await host.PostDecisionAsync(latestApprove)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.WaitForEndAsync(id)).Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Deadline_RejectPolicy_ClosesGateAndALateClickSees409WithTheOutcome()
    {
        await using var host = await ApprovalHost.StartAsync(folder.Path, GateWorkflows.Workflow(onTimeout: "reject", deadline: "24h"));
        var id = await host.StartGateAsync();
        var approve = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0])[0];

        host.Clock.Advance(TimeSpan.FromHours(25));
        await host.WaitForEndAsync(id);

        host.Published.Single()!["decision"]!.GetValue<string>().Should().Be("rejected");
        var late = await host.PostDecisionAsync(approve);
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).Should().Contain("Rejeté").And.Contain("Deadline passed");
    }

    [Fact]
    public async Task Deadline_ContinuePolicy_InstanceGoesOnWithTimedOut()
    {
        await using var host = await ApprovalHost.StartAsync(folder.Path, GateWorkflows.Workflow(onTimeout: "continue", deadline: "1h"));
        var id = await host.StartGateAsync();
        await host.EmailsAsync(id, 1);

        host.Clock.Advance(TimeSpan.FromHours(2));
        var view = await host.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Completed);
        host.Published.Single()!["decision"]!.GetValue<string>().Should().Be("timed_out");
        host.Published.Single()!["timedOut"]!.ToString().Should().Be("true");
    }

    [Fact]
    public async Task Deadline_EscalatePolicy_NotifiesNextGroupWhoseLinkDecides()
    {
        await using var host = await ApprovalHost.StartAsync(folder.Path, GateWorkflows.Workflow(onTimeout: "escalate", deadline: "1h", twoGroups: true));
        var id = await host.StartGateAsync();
        var editorsApprove = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0])[0];

        host.Clock.Advance(TimeSpan.FromMinutes(61));
        var emails = await host.EmailsAsync(id, 2);
        await host.WaitForAsync(id, v => v.CustomStatus?["group"]?.GetValue<string>() == "owners");

        emails[1].Request["to"]![0]!.GetValue<string>().Should().Be("boss@example.com");
        (await host.PostDecisionAsync(editorsApprove)).StatusCode.Should().Be(HttpStatusCode.Gone, "the first group's links expired at its deadline");
        var pending = await host.Http.GetFromJsonAsync<JsonObject>("/api/approvals?status=pending");
        pending!["items"]![0]!["group"]!.GetValue<string>().Should().Be("owners");

        var ownersReject = ApprovalHost.Tokens(emails[1])[1];
        (await host.PostDecisionAsync(ownersReject, "Budget trop élevé")).StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForEndAsync(id);
        host.Published.Single()!["by"]!.GetValue<string>().Should().Be("boss@example.com");
    }

    [Fact]
    public async Task Pending_ListsOpenGatesWithItemRequestTimeAndDeadline_AndDropsThemOnceDecided()
    {
        await using var host = await ApprovalHost.StartAsync(folder.Path, GateWorkflows.Workflow(deadline: "24h"));
        var id = await host.StartGateAsync();
        var approve = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0])[0];

        var pending = await host.Http.GetFromJsonAsync<JsonObject>("/api/approvals?status=pending");

        var item = pending!["items"]!.AsArray().Should().ContainSingle().Subject!;
        item["instanceId"]!.GetValue<string>().Should().Be(id);
        item["gateId"]!.GetValue<string>().Should().Be("review");
        item["item"]!["title"]!.GetValue<string>().Should().Be("Lancement BIM 2026");
        item["requestedAt"]!.GetValue<string>().Should().StartWith("2026-03-02T09:00:00");
        item["deadlineAt"]!.GetValue<string>().Should().StartWith("2026-03-03T09:00:00");
        item["remindersSent"]!.GetValue<int>().Should().Be(0);

        await host.PostDecisionAsync(approve);
        await host.WaitForEndAsync(id);
        (await host.Http.GetFromJsonAsync<JsonObject>("/api/approvals?status=pending"))!["items"]!.AsArray().Should().BeEmpty();
        (await host.Http.GetAsync("/api/approvals?status=done")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
