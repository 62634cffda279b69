using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Approvals.Slack;
using Serverless.Approvals.Tests.Support;
using Serverless.Connectors.Sandbox;
using Serverless.Engine.Interpreter;

namespace Serverless.Approvals.Tests.Slack;

public sealed class SlackInteractionTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder folder = new();
    private ApprovalHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalHost.StartAsync(folder.Path, GateWorkflows.Workflow());

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Interaction_SignedApproveClick_DecidesAndUpdatesTheMessage()
    {
        var id = await host.StartGateAsync();
        var posted = (await host.CallsAsync(id, "chat.postMessage", 1))[0];
        posted.Request["channel"]!.GetValue<string>().Should().Be("content-approvals");

        var response = await SendAsync(Click(posted, "approved", "U024BE7LH", "marie"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForEndAsync(id);
        host.Published.Single()!["decision"]!.GetValue<string>().Should().Be("approved");
        host.Published.Single()!["by"]!.GetValue<string>().Should().Be("marie");
        var update = (await host.CallsAsync(id, "chat.update", 1))[0];
        update.Request["ts"]!.GetValue<string>().Should().Be(posted.Result!["ts"]!.GetValue<string>());
        var blocks = update.Request["blocks"]!.AsArray();
        blocks.Should().NotContain(b => b!["type"]!.GetValue<string>() == "actions", "the buttons are gone once decided");
        blocks.Last()!["text"]!["text"]!.GetValue<string>().Should().StartWith("Approuvé par <@U024BE7LH> le ");
    }

    [Fact]
    public async Task Interaction_AfterAnEmailDecision_ShowsTheOutcomeAndDoesNotDecideAgain()
    {
        var id = await host.StartGateAsync();
        var reject = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0])[1];
        var posted = (await host.CallsAsync(id, "chat.postMessage", 1))[0];
        (await host.PostDecisionAsync(reject)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await SendAsync(Click(posted, "approved", "U1", "paul"))).StatusCode.Should().Be(HttpStatusCode.OK);

        await host.WaitForEndAsync(id);
        host.Published.Single()!["decision"]!.GetValue<string>().Should().Be("rejected");
        var update = (await host.CallsAsync(id, "chat.update", 1))[0];
        update.Request["text"]!.GetValue<string>().Should().Contain("déjà été traitée").And.Contain("Rejeté par ed@example.com");
    }

    [Fact]
    public async Task Interaction_WrongSignature_Is401AndDecidesNothing()
    {
        var id = await host.StartGateAsync();
        var body = Click((await host.CallsAsync(id, "chat.postMessage", 1))[0], "approved", "U1", "eve");

        var response = await SendAsync(body, secret: "not-the-signing-secret");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await AssertStillWaitingAsync(id);
    }

    [Fact]
    public async Task Interaction_TimestampOlderThanFiveMinutes_Is401()
    {
        var id = await host.StartGateAsync();
        var body = Click((await host.CallsAsync(id, "chat.postMessage", 1))[0], "approved", "U1", "eve");

        var response = await SendAsync(body, at: host.Clock.GetUtcNow().AddMinutes(-6));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await AssertStillWaitingAsync(id);
    }

    [Fact]
    public async Task Interaction_ReplayedRequest_IsRefused()
    {
        var id = await host.StartGateAsync();
        var body = Click((await host.CallsAsync(id, "chat.postMessage", 1))[0], "changes_requested", "U1", "eve");
        var at = host.Clock.GetUtcNow();

        (await SendAsync(body, at: at)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(body, at: at)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Interaction_ButtonValueNotSignedByUs_DecidesNothing()
    {
        var id = await host.StartGateAsync();
        var posted = (await host.CallsAsync(id, "chat.postMessage", 1))[0];
        var payload = Payload(posted, "approved", "U1", "eve");
        payload["actions"]![0]!["value"] = "a1.eyJpIjoieCJ9.AAAA";

        (await SendAsync(Form(payload))).StatusCode.Should().Be(HttpStatusCode.OK);

        await AssertStillWaitingAsync(id);
    }

    [Theory]
    [InlineData("payload=%7B%22type%22%3A%22view_submission%22%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%7B%7D%7D")]
    [InlineData("payload=not-json")]
    [InlineData("nothing=here")]
    public async Task Interaction_OtherOrMalformedPayload_IsAcknowledgedAndIgnored(string body)
    {
        var id = await host.StartGateAsync();

        (await SendAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        await AssertStillWaitingAsync(id);
    }

    [Fact]
    public async Task Interaction_PayloadWithLoneSurrogate_Is400NamingTheFieldAndDecidesNothing()
    {
        var id = await host.StartGateAsync();
        var posted = (await host.CallsAsync(id, "chat.postMessage", 1))[0];
        var json = Payload(posted, "approved", "U024BE7LH", "lone-surrogate").ToJsonString().Replace("lone-surrogate", "\\ud800", StringComparison.Ordinal);

        using var response = await SendAsync("payload=" + Uri.EscapeDataString(json));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain("payload.user.username");
        await AssertStillWaitingAsync(id);
    }

    [Fact]
    public async Task Interaction_FormFieldNotUtf8_Is400NamingTheField()
    {
        using var response = await SendAsync("payload=%7B%22type%22%3A%22block_actions%FF%22%7D");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain("payload");
    }

    private async Task AssertStillWaitingAsync(string id)
    {
        await Task.Delay(300);
        (await host.Workflows.GetAsync(id))!.Status.Should().Be(InstanceStatus.Waiting);
        host.Published.Should().BeEmpty();
    }

    private static string Click(SandboxCall posted, string decision, string userId, string userName) => Form(Payload(posted, decision, userId, userName));

    /// <summary>A block_actions payload shaped as Slack documents it, for a click on one of the message's buttons.</summary>
    private static JsonObject Payload(SandboxCall posted, string decision, string userId, string userName)
    {
        var blocks = posted.Request["blocks"]!.AsArray();
        var button = blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray()
            .Single(e => e!["action_id"]!.GetValue<string>() == SlackBlocks.ActionId(decision))!;
        var channel = posted.Request["channel"]!.GetValue<string>();
        var ts = posted.Result!["ts"]!.GetValue<string>();
        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = userName, ["name"] = userName, ["team_id"] = "T9TK3CUKW" },
            ["api_app_id"] = "A0KRD7HC3",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = channel, ["is_ephemeral"] = false },
            ["trigger_id"] = "123.456.abc",
            ["team"] = new JsonObject { ["id"] = "T9TK3CUKW", ["domain"] = "example" },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = channel },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = ts, ["text"] = posted.Request["text"]!.DeepClone(), ["blocks"] = blocks.DeepClone() },
            ["response_url"] = "https://hooks.slack.com/actions/T9TK3CUKW/1/abc",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = button["action_id"]!.DeepClone(),
                ["block_id"] = SlackBlocks.ActionsBlockId,
                ["text"] = button["text"]!.DeepClone(),
                ["value"] = button["value"]!.DeepClone(),
                ["type"] = "button",
                ["action_ts"] = "1548426417.840180",
            }),
        };
    }

    private static string Form(JsonObject payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());

    private Task<HttpResponseMessage> SendAsync(string body, string secret = ApprovalHost.SlackSigningSecret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? host.Clock.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/interactions")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, timestamp, body));
        return host.Http.SendAsync(request);
    }
}
