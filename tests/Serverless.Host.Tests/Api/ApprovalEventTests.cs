using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Moq;
using Serverless.Engine.Interpreter;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Api;

/// <summary>Approval gates are decided only by the approval surfaces (signed links, Slack), never by a raw event.</summary>
public sealed class ApprovalEventTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("approval:manager-approval")]
    [InlineData("approval:")]
    [InlineData("APPROVAL:manager-approval")]
    [InlineData("approval%3Amanager-approval")]
    public async Task RaiseEvent_ApprovalDecision_Is403_AndNeverReachesTheRuntime(string eventName)
    {
        await using var server = await ApiTestServer.StartAsync();

        var response = await server.Http.PostAsync($"/api/instances/w-1/events/{eventName}", Json("""{"decision":"approved"}"""));

        var problem = await response.ShouldBeProblemAsync(403);
        problem["detail"]!.GetValue<string>().Should().Contain("approval decisions are taken through signed links or Slack");
        problem["instanceId"]!.GetValue<string>().Should().Be("w-1");
        server.Client.Invocations.Should().BeEmpty();
    }

    [Fact]
    public async Task RaiseEvent_ThePrefixFollowsTheInterpreter()
    {
        Serverless.Api.Instances.InstanceHandlers.IsApprovalDecision(ApprovalGate.EventName("gate-1")).Should().BeTrue();
        Serverless.Api.Instances.InstanceHandlers.IsApprovalDecision("approve").Should().BeFalse();
        Serverless.Api.Instances.InstanceHandlers.IsApprovalDecision("approval").Should().BeFalse();

        // An event merely named like the demo's "approve" still goes through.
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("w-1", It.IsAny<CancellationToken>())).ReturnsAsync(Views.Instance("w-1", InstanceStatus.Waiting));
        server.Client.Setup(c => c.RaiseEventAsync("w-1", "approve", It.IsAny<JsonNode?>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        (await server.Http.PostAsync("/api/instances/w-1/events/approve", Json("{}"))).StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task RaiseEvent_ApprovalDecision_WithoutKey_Is401First()
    {
        await using var server = await SecuredApiTestServer.StartAsync(
            new Dictionary<string, string?> { ["Api:ApiKeys:0"] = "test-management-key-0123456789" }, IPAddress.Loopback);

        await (await server.Http.PostAsync("/api/instances/w-1/events/approval:g", Json("{}"))).ShouldBeProblemAsync(401);
    }
}
