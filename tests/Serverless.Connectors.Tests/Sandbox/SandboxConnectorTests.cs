using Serverless.Connectors.ClickUp;
using Serverless.Connectors.Email;
using Serverless.Connectors.HubSpot;
using Serverless.Connectors.Slack;
using Serverless.Connectors.Tests.Fakes;
using Serverless.Connectors.Tests.HubSpot;

namespace Serverless.Connectors.Tests.Sandbox;

public sealed class SandboxConnectorTests
{
    [Fact]
    public async Task RequestHandlerSteps_NoCredentials_RecordEveryCallWithFakeResults()
    {
        using var host = ConnectorTestHost.Create();
        var context = ConnectorTestHost.Context("instance-42", idempotencyKey: "instance-42:hubspot:1");

        var hubspot = host.Connector<IHubSpotClient>(context);
        (await hubspot.FindContactByEmailAsync("client@example.fr", default)).Should().BeNull();
        var contact = await hubspot.CreateContactAsync("client@example.fr", "Client", "Test", default);
        var ticket = await hubspot.CreateTicketAsync(new HubSpotTicketRequest("Sujet", "Contenu", contact.Id), default);
        var subtask = await host.Connector<IClickUpClient>(context).CreateSubtaskAsync(ClickUpOptions.SeedParentTaskId, "Sujet", "Desc", context.IdempotencyKey, default);
        await host.Connector<IEmailSender>(context).SendAsync(new EmailMessage(["admin@example.test"], "Nouveau ticket", "texte", "<p>html</p>"), default);
        await host.Connector<ISlackWebhook>(context).PostAsync(new SlackMessage("Nouveau ticket"), default);

        contact.Id.Should().MatchRegex("^[1-9][0-9]{10}$");
        ticket.Url.Should().Be($"https://app.hubspot.com/contacts/0/record/0-5/{ticket.Id}");
        subtask.Url.Should().Be($"https://app.clickup.com/t/{subtask.Id}");
        subtask.ParentId.Should().Be("86c7r48ha");

        var calls = await host.CallLog.ListAsync("instance-42", default);
        calls.Select(c => $"{c.Connector}.{c.Operation}").Should().Equal(
            "HubSpot.FindContactByEmailAsync", "HubSpot.CreateContactAsync", "HubSpot.CreateTicketAsync",
            "ClickUp.CreateSubtaskAsync", "Smtp.SendAsync", "Slack.PostAsync");
        calls.Should().OnlyContain(c => c.InstanceId == "instance-42" && c.StepKey == "step" && c.IdempotencyKey == "instance-42:hubspot:1");
        var ticketCall = calls[2];
        ticketCall.Request["path"]!.GetValue<string>().Should().Be("/crm/v3/objects/tickets");
        ticketCall.Request["body"]!["associations"]![0]!["to"]!["id"]!.GetValue<string>().Should().Be(contact.Id);
        ticketCall.Result!["url"]!.GetValue<string>().Should().Be(ticket.Url);
        calls[5].Request.ToJsonString().Should().NotContain("hooks.slack.com");
    }

    [Fact]
    public async Task DryRun_WithCredentials_NeverTouchesTheNetwork()
    {
        await using var server = await FakeHubSpotServer.StartNewAsync();
        using var host = ConnectorTestHost.Create(HubSpotClientTests.Settings(server.Url, FakeHubSpotServer.Token));
        var context = ConnectorTestHost.Context("dry-1", dryRun: true);

        var contact = await host.Connector<IHubSpotClient>(context).CreateContactAsync("client@example.fr", "C", "T", default);
        await host.Connector<IHubSpotClient>(context).CreateTicketAsync(new HubSpotTicketRequest("S", "C", contact.Id), default);

        server.Requests.Should().BeEmpty();
        var calls = await host.CallLog.ListAsync("dry-1", default);
        calls.Should().HaveCount(2);
        calls.Select(c => c.Request.ToJsonString()).Should().NotContain(json => json.Contains(FakeHubSpotServer.Token));
        calls[1].Result!["url"]!.GetValue<string>().Should().Contain("/contacts/143210/record/0-5/", "the configured portal shapes the fake URL");
    }

    [Fact]
    public async Task SameIdempotencyKey_Retried_SameFakeIdsAndOneRecord()
    {
        using var host = ConnectorTestHost.Create();
        var context = ConnectorTestHost.Context("retry-1", idempotencyKey: "retry-1:ticket");

        var first = await host.Connector<IHubSpotClient>(context).CreateTicketAsync(new HubSpotTicketRequest("S", "C", "1"), default);
        var second = await host.Connector<IHubSpotClient>(context with { Attempt = 2 }).CreateTicketAsync(new HubSpotTicketRequest("S", "C", "1"), default);

        second.Should().Be(first);
        (await host.CallLog.ListAsync("retry-1", default)).Should().ContainSingle();
    }

    [Fact]
    public async Task IdempotencyKey_RecordedInTicketPropertyAndSubtaskMarker()
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?> { ["Connectors:HubSpot:IdempotencyProperty"] = "serverless_idempotency_key" });
        var context = ConnectorTestHost.Context("marked-1", idempotencyKey: "marked-1:step");

        await host.Connector<IHubSpotClient>(context).CreateTicketAsync(new HubSpotTicketRequest("S", "C", "1") { IdempotencyKey = context.IdempotencyKey }, default);
        await host.Connector<IClickUpClient>(context).CreateSubtaskAsync(ClickUpOptions.SeedParentTaskId, "S", "Desc", context.IdempotencyKey, default);

        var calls = await host.CallLog.ListAsync("marked-1", default);
        calls.Single(c => c.Connector == "HubSpot").Request["body"]!["properties"]!["serverless_idempotency_key"]!.GetValue<string>().Should().Be("marked-1:step");
        calls.Single(c => c.Connector == "ClickUp").Request["body"]!["markdown_description"]!.GetValue<string>().Should().Be("Desc\n\nRef: `marked-1:step`");
    }

    [Fact]
    public async Task OtherIdempotencyKey_GetsOtherFakeIds()
    {
        using var host = ConnectorTestHost.Create();

        var a = await host.Connector<IHubSpotClient>(ConnectorTestHost.Context(idempotencyKey: "a")).CreateTicketAsync(new HubSpotTicketRequest("S", "C", "1"), default);
        var b = await host.Connector<IHubSpotClient>(ConnectorTestHost.Context(idempotencyKey: "b")).CreateTicketAsync(new HubSpotTicketRequest("S", "C", "1"), default);

        a.Id.Should().NotBe(b.Id);
    }

    [Fact]
    public async Task CallLog_OtherInstance_IsNotListed()
    {
        using var host = ConnectorTestHost.Create();
        await host.Connector<IHubSpotClient>(ConnectorTestHost.Context("one")).FindContactByEmailAsync("a@example.fr", default);

        (await host.CallLog.ListAsync("two", default)).Should().BeEmpty();
    }
}
