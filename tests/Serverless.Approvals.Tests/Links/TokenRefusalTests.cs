using System.Net;
using Microsoft.Extensions.Options;
using Serverless.Approvals.Configuration;
using Serverless.Approvals.Tests.Support;
using Serverless.Approvals.Tokens;
using Serverless.Engine.Interpreter;

namespace Serverless.Approvals.Tests.Links;

public sealed class TokenRefusalTests : IAsyncLifetime, IDisposable
{
    private const string OldKey = "the-previous-signing-key-0123456789-abcdef";
    private readonly TempFolder folder = new();
    private ApprovalHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalHost.StartAsync(folder.Path, GateWorkflows.Workflow(deadline: null),
        new Dictionary<string, string?> { ["Approvals:LinkLifetime"] = "01:00:00", ["Approvals:PreviousSigningKeys:0"] = OldKey });

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task GetAndPost_ExpiredLink_Return410AndGateStaysOpen()
    {
        var id = await host.StartGateAsync();
        var approve = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0])[0];

        host.Clock.Advance(TimeSpan.FromHours(2));

        (await host.Http.GetAsync($"/api/approvals/{approve}")).StatusCode.Should().Be(HttpStatusCode.Gone);
        var post = await host.PostDecisionAsync(approve);
        post.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await post.Content.ReadAsStringAsync()).Should().Contain("expiré");
        (await host.Workflows.GetAsync(id))!.Status.Should().Be(InstanceStatus.Waiting);
    }

    [Fact]
    public async Task GetAndPost_TamperedToken_Return403()
    {
        var id = await host.StartGateAsync();
        var approve = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0])[0];
        var parts = approve.Split('.');
        var payload = parts[1].ToCharArray();
        payload[5] = payload[5] == 'A' ? 'B' : 'A';
        var tampered = $"{parts[0]}.{new string(payload)}.{parts[2]}";

        foreach (var token in new[] { tampered, approve[..^2], "a1.e30.AAAA", "not-a-token" })
        {
            (await host.Http.GetAsync($"/api/approvals/{token}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, token);
            (await host.PostDecisionAsync(token)).StatusCode.Should().Be(HttpStatusCode.Forbidden, token);
        }

        (await host.Workflows.GetAsync(id))!.Status.Should().Be(InstanceStatus.Waiting);
    }

    [Fact]
    public async Task GetAndPost_NonCanonicalSpellingOfAValidToken_Return403AndGateStaysOpen()
    {
        var id = await host.StartGateAsync();
        var approve = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0])[0];

        foreach (var token in new[] { approve + "=", approve + "==", approve + "%3D" })
        {
            (await host.Http.GetAsync($"/api/approvals/{token}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, token);
            (await host.PostDecisionAsync(token)).StatusCode.Should().Be(HttpStatusCode.Forbidden, token);
        }

        (await host.Workflows.GetAsync(id))!.Status.Should().Be(InstanceStatus.Waiting);
    }

    [Fact]
    public async Task Post_TokenSignedWithForeignKey_Returns403()
    {
        var id = await host.StartGateAsync();
        var foreign = Codec("someone-elses-signing-key-0123456789-abcdef")
            .Sign(new DecisionToken(id, GateWorkflows.GateId, "approved", "mallory@example.com", host.Clock.GetUtcNow().AddHours(1), "n1"));

        (await host.PostDecisionAsync(foreign)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await host.Workflows.GetAsync(id))!.Status.Should().Be(InstanceStatus.Waiting);
    }

    [Fact]
    public async Task Post_TokenForAnotherInstanceOrGate_Returns403()
    {
        var id = await host.StartGateAsync();
        var codec = host.Get<DecisionTokenCodec>();
        var expires = host.Clock.GetUtcNow().AddHours(1);

        var otherInstance = codec.Sign(new DecisionToken("no-such-instance", GateWorkflows.GateId, "approved", "ed@example.com", expires, "n1"));
        var otherGate = codec.Sign(new DecisionToken(id, "publish", "approved", "ed@example.com", expires, "n2"));

        (await host.PostDecisionAsync(otherInstance)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await host.PostDecisionAsync(otherGate)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await host.Workflows.GetAsync(id))!.Status.Should().Be(InstanceStatus.Waiting);
    }

    [Fact]
    public async Task Post_TokenSignedWithPreviousKey_IsStillAccepted()
    {
        var id = await host.StartGateAsync();
        var beforeRotation = Codec(OldKey)
            .Sign(new DecisionToken(id, GateWorkflows.GateId, "approved", "ed@example.com", host.Clock.GetUtcNow().AddMinutes(30), "n1"));

        (await host.PostDecisionAsync(beforeRotation)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.WaitForEndAsync(id)).Status.Should().Be(InstanceStatus.Completed);
    }

    private static DecisionTokenCodec Codec(string key) =>
        new(Mock.Of<IOptionsMonitor<ApprovalOptions>>(m => m.CurrentValue == new ApprovalOptions { SigningKey = key }));
}
