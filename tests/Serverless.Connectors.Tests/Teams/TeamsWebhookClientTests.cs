using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Teams;
using Serverless.Connectors.Tests.Fakes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Tests.Teams;

public sealed class TeamsWebhookClientTests : IAsyncLifetime, IDisposable
{
    private static readonly TeamsMessage Outage = new("Boîte support injoignable", "IMAP refuse la connexion depuis **10 min**.")
    {
        Facts = [new TeamsFact("Boîte", "support@example.fr"), new TeamsFact("Erreur", "AUTHENTICATIONFAILED")],
        Link = new TeamsLink("Ouvrir le tableau de bord", new Uri("https://ops.example.fr/mail/statistics")),
    };

    private readonly CapturedLogs _logs = new();
    private FakeTeamsWebhook _server = null!;

    public async Task InitializeAsync() => _server = await FakeTeamsWebhook.StartNewAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _logs.Dispose();

    private ConnectorTestHost Host(string url) => ConnectorTestHost.Create(new Dictionary<string, string?> { ["Connectors:Teams:WebhookUrl"] = url },
        configure: services => services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs)));

    private async Task<ActivityException> FailureAsync(ConnectorTestHost host) =>
        (await FluentActions.Awaiting(() => host.Connector<ITeamsWebhook>().PostAsync(Outage, default)).Should().ThrowAsync<ActivityException>()).Which;

    [Fact]
    public async Task Post_Message_SendsAnAdaptiveCardWithTitleTextFactsAndLink()
    {
        using var host = Host(_server.HookUrl());

        await host.Connector<ITeamsWebhook>().PostAsync(Outage, default);

        var request = _server.Requests.Single();
        request.Path.Should().Be($"/workflows/{FakeTeamsWebhook.WorkflowId}/triggers/manual/paths/invoke");
        request.Query.Should().Contain($"sig={FakeTeamsWebhook.Signature}");
        var body = request.Body!;
        body["type"]!.GetValue<string>().Should().Be("message");
        var attachment = body["attachments"]!.AsArray().Single()!;
        attachment["contentType"]!.GetValue<string>().Should().Be("application/vnd.microsoft.card.adaptive");
        var card = attachment["content"]!;
        card["type"]!.GetValue<string>().Should().Be("AdaptiveCard");
        card["version"]!.GetValue<string>().Should().Be("1.4");
        var blocks = card["body"]!.AsArray();
        blocks[0]!["type"]!.GetValue<string>().Should().Be("TextBlock");
        blocks[0]!["text"]!.GetValue<string>().Should().Be("Boîte support injoignable");
        blocks[0]!["weight"]!.GetValue<string>().Should().Be("Bolder");
        blocks[1]!["text"]!.GetValue<string>().Should().Be("IMAP refuse la connexion depuis **10 min**.");
        blocks[1]!["wrap"]!.GetValue<bool>().Should().BeTrue();
        blocks[2]!["type"]!.GetValue<string>().Should().Be("FactSet");
        blocks[2]!["facts"]!.AsArray().Select(f => (f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>()))
            .Should().Equal(("Boîte", "support@example.fr"), ("Erreur", "AUTHENTICATIONFAILED"));
        var action = card["actions"]!.AsArray().Single()!;
        action["type"]!.GetValue<string>().Should().Be("Action.OpenUrl");
        action["title"]!.GetValue<string>().Should().Be("Ouvrir le tableau de bord");
        action["url"]!.GetValue<string>().Should().Be("https://ops.example.fr/mail/statistics");
    }

    [Fact]
    public async Task Post_WithoutFactsOrLink_SendsOnlyTheTwoTextBlocks()
    {
        using var host = Host(_server.HookUrl());

        await host.Connector<ITeamsWebhook>().PostAsync(new TeamsMessage("Statistiques", "12 tickets aujourd'hui."), default);

        var card = _server.Requests.Single().Body!["attachments"]![0]!["content"]!;
        card["body"]!.AsArray().Should().HaveCount(2);
        card["actions"].Should().BeNull();
    }

    [Fact]
    public async Task Post_WrongSignature_FailsUnauthorizedWithoutTheUrl()
    {
        using var host = Host(_server.HookUrl(signature: "revoked-signature"));

        var failure = await FailureAsync(host);

        failure.Kind.Should().Be(ErrorKinds.Unauthorized);
        failure.Message.Should().Contain("DirectApiInvalidAuthorizationSignature").And.NotContain("revoked-signature");
        _logs.Lines.Should().NotContain(l => l.Contains("revoked-signature", StringComparison.Ordinal) || l.Contains("sig=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_DeletedWorkflow_FailsNotFound()
    {
        using var host = Host(_server.HookUrl(workflowId: "0000deleted"));

        var failure = await FailureAsync(host);

        failure.Kind.Should().Be(ErrorKinds.NotFound);
        failure.Message.Should().Contain("WorkflowNotFound");
    }

    [Fact]
    public async Task Post_PayloadRefused_FailsValidationWithoutRetrying()
    {
        using var host = Host(_server.HookUrl());
        _server.Script(new ScriptedResponse(400, """{"error":{"code":"InvalidRequestContent","message":"The request content is not valid JSON."}}"""));

        var failure = await FailureAsync(host);

        failure.Kind.Should().Be(ErrorKinds.Validation);
        failure.Message.Should().Contain("The request content is not valid JSON. [InvalidRequestContent]");
        _server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_ServerErrors_RetriedThenTransient()
    {
        using var host = Host(_server.HookUrl());
        _server.Script([.. Enumerable.Repeat(new ScriptedResponse(502, "Bad Gateway"), 4)]);

        var failure = await FailureAsync(host);

        failure.Kind.Should().Be(ErrorKinds.Transient);
        _server.Requests.Should().HaveCount(4, "three retries after the first attempt");
        _logs.Lines.Should().NotContain(l => l.Contains(FakeTeamsWebhook.Signature, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_ServerErrorThenAccepted_Succeeds()
    {
        using var host = Host(_server.HookUrl());
        _server.Script(new ScriptedResponse(503, "") { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } });

        await host.Connector<ITeamsWebhook>().PostAsync(Outage, default);

        _server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Post_LegacyConnectorAnswers1_Succeeds()
    {
        using var host = Host(_server.HookUrl());
        _server.Script(new ScriptedResponse(200, "1"));

        await host.Connector<ITeamsWebhook>().PostAsync(Outage, default);
    }

    [Theory]
    [InlineData(429, "RateLimited")]
    [InlineData(413, "Permanent")]
    [InlineData(400, "Validation")]
    [InlineData(500, "Transient")]
    public async Task Post_LegacyConnectorReportsFailureIn200_FailsWithTheReportedKind(int status, string kind)
    {
        using var host = Host(_server.HookUrl());
        _server.Script(new ScriptedResponse(200,
            $"Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error {status} with ContextId tcid=0,server=msgapi-production-weu-azsc2-4-170,cv=AbCd..."));

        var failure = await FailureAsync(host);

        failure.Kind.Should().Be(kind);
        failure.Message.Should().Contain($"HTTP error {status}");
    }

    [Fact]
    public void Start_InvalidWebhookUrl_FailsWithoutEchoingTheSecret()
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?> { ["Connectors:Teams:WebhookUrl"] = "secret-sig-not-a-url" });

        var failure = host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().Which;
        failure.Message.Should().Contain("Connectors:Teams:WebhookUrl").And.NotContain("secret-sig-not-a-url");
    }

    [Fact]
    public async Task Sandbox_NoWebhook_RecordsTheCardButNotTheUrl()
    {
        using var host = ConnectorTestHost.Create();
        var context = ConnectorTestHost.Context("alerts-1");

        host.Connector<ITeamsWebhook>(context).Should().NotBeOfType<TeamsWebhookClient>();
        await host.Connector<ITeamsWebhook>(context).PostAsync(Outage, default);

        var call = (await host.CallLog.ListAsync("alerts-1", default)).Single();
        call.Connector.Should().Be("Teams");
        call.Request["url"]!.GetValue<string>().Should().Be("(incoming webhook URL)");
        call.Request["body"]!["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>().Should().Be("Boîte support injoignable");
    }

    [Fact]
    public async Task DryRun_WithWebhook_PostsNothing()
    {
        using var host = Host(_server.HookUrl());

        host.Connector<ITeamsWebhook>().Should().BeOfType<TeamsWebhookClient>();
        await host.Connector<ITeamsWebhook>(ConnectorTestHost.Context("dry-teams", dryRun: true)).PostAsync(Outage, default);

        _server.Requests.Should().BeEmpty();
        (await host.CallLog.ListAsync("dry-teams", default)).Single().Request.ToJsonString().Should().NotContain(FakeTeamsWebhook.Signature);
    }
}
