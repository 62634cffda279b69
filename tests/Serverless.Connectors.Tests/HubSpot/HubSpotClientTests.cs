using Serverless.Connectors.HubSpot;
using Serverless.Connectors.Tests.Fakes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Tests.HubSpot;

public sealed class HubSpotClientTests : IAsyncLifetime
{
    private FakeHubSpotServer _server = null!;
    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeHubSpotServer.StartNewAsync();
        _host = ConnectorTestHost.Create(Settings(_server.Url, FakeHubSpotServer.Token));
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    internal static Dictionary<string, string?> Settings(string url, string token) => new()
    {
        ["Connectors:HubSpot:BaseAddress"] = url,
        ["Connectors:HubSpot:AccessToken"] = token,
        ["Connectors:HubSpot:PortalId"] = "143210",
        ["Connectors:HubSpot:PipelineId"] = "0",
        ["Connectors:HubSpot:PipelineStageId"] = "1",
        ["Connectors:HubSpot:TypeProperty"] = "type_de_demande",
        ["Connectors:HubSpot:SourceProperty"] = "source_formulaire",
        ["Connectors:HubSpot:ReclassifiedProperty"] = "reclassifie",
    };

    private IHubSpotClient Client => _host.Connector<IHubSpotClient>();

    [Fact]
    public async Task FindContactByEmail_ExistingContact_SendsDocumentedSearchAndReturnsIt()
    {
        var id = _server.AddContact("marie.dupont@example.fr", "Marie", "Dupont");

        var contact = await Client.FindContactByEmailAsync("marie.dupont@example.fr", default);

        contact.Should().Be(new HubSpotContact(id, "marie.dupont@example.fr", "Marie", "Dupont"));
        var request = _server.Requests.Single();
        request.Path.Should().Be("/crm/v3/objects/contacts/search");
        request.Authorization.Should().Be($"Bearer {FakeHubSpotServer.Token}");
        var filter = request.Body!["filterGroups"]![0]!["filters"]![0]!;
        filter["propertyName"]!.GetValue<string>().Should().Be("email");
        filter["operator"]!.GetValue<string>().Should().Be("EQ");
        filter["value"]!.GetValue<string>().Should().Be("marie.dupont@example.fr");
    }

    [Fact]
    public async Task FindContactByEmail_UnknownEmail_ReturnsNull()
    {
        (await Client.FindContactByEmailAsync("nobody@example.fr", default)).Should().BeNull();
    }

    [Fact]
    public async Task CreateContact_NewEmail_SendsPropertiesAndReturnsId()
    {
        var contact = await Client.CreateContactAsync("jean.martin@example.fr", "Jean", "Martin", default);

        _server.Contacts["jean.martin@example.fr"]["id"]!.GetValue<string>().Should().Be(contact.Id);
        var body = _server.Requests.Single().Body!;
        body["properties"]!["email"]!.GetValue<string>().Should().Be("jean.martin@example.fr");
        body["properties"]!["firstname"]!.GetValue<string>().Should().Be("Jean");
        body["properties"]!["lastname"]!.GetValue<string>().Should().Be("Martin");
    }

    [Fact]
    public async Task CreateContact_AlreadyExists_ReturnsExistingIdFromConflict()
    {
        var id = _server.AddContact("dup@example.fr", "D", "Up");

        var contact = await Client.CreateContactAsync("dup@example.fr", "D", "Up", default);

        contact.Id.Should().Be(id);
    }

    [Fact]
    public async Task CreateTicket_WithContact_SendsPropertiesAndAssociationAndBuildsUrl()
    {
        var contactId = _server.AddContact("client@example.fr", "Client", "Test");

        var ticket = await Client.CreateTicketAsync(new HubSpotTicketRequest("Plans maison R+1", "Bonjour, voici mes plans.", contactId)
        {
            RequestType = "MODELISATION",
            SourceForm = "contact",
            Reclassified = true,
        }, default);

        ticket.Url.Should().Be($"https://app.hubspot.com/contacts/143210/record/0-5/{ticket.Id}");
        var sent = _server.Tickets.Single();
        var properties = sent["properties"]!;
        properties["subject"]!.GetValue<string>().Should().Be("Plans maison R+1");
        properties["content"]!.GetValue<string>().Should().Be("Bonjour, voici mes plans.");
        properties["hs_pipeline"]!.GetValue<string>().Should().Be("0");
        properties["hs_pipeline_stage"]!.GetValue<string>().Should().Be("1");
        properties["type_de_demande"]!.GetValue<string>().Should().Be("MODELISATION");
        properties["source_formulaire"]!.GetValue<string>().Should().Be("contact");
        properties["reclassifie"]!.GetValue<string>().Should().Be("true");
        var association = sent["associations"]![0]!;
        association["to"]!["id"]!.GetValue<string>().Should().Be(contactId);
        association["types"]![0]!["associationCategory"]!.GetValue<string>().Should().Be("HUBSPOT_DEFINED");
        association["types"]![0]!["associationTypeId"]!.GetValue<int>().Should().Be(16);
    }

    [Fact]
    public async Task CreateTicket_RetriedWithSameKey_CreatesOneTicketAndReturnsIt()
    {
        using var host = ConnectorTestHost.Create(WithIdempotency(_server.Url));
        var client = host.Connector<IHubSpotClient>();
        var contactId = _server.AddContact("client@example.fr", "Client", "Test");
        var request = new HubSpotTicketRequest("Sujet", "Contenu", contactId) { IdempotencyKey = "inst-1:ticket" };

        var first = await client.CreateTicketAsync(request, default);
        var second = await client.CreateTicketAsync(request, default);

        second.Should().Be(first);
        second.Url.Should().Be($"https://app.hubspot.com/contacts/143210/record/0-5/{first.Id}");
        _server.Tickets.Should().ContainSingle();
        _server.Tickets.Single()["properties"]!["serverless_idempotency_key"]!.GetValue<string>().Should().Be("inst-1:ticket");
        var searches = _server.Requests.Where(r => r.Path == "/crm/v3/objects/tickets/search").ToList();
        searches.Should().HaveCount(2);
        var filter = searches[0].Body!["filterGroups"]![0]!["filters"]![0]!;
        filter["propertyName"]!.GetValue<string>().Should().Be("serverless_idempotency_key");
        filter["operator"]!.GetValue<string>().Should().Be("EQ");
        filter["value"]!.GetValue<string>().Should().Be("inst-1:ticket");
    }

    [Fact]
    public async Task CreateTicket_DifferentKeys_CreatesTwoTickets()
    {
        using var host = ConnectorTestHost.Create(WithIdempotency(_server.Url));
        var client = host.Connector<IHubSpotClient>();
        var contactId = _server.AddContact("client@example.fr", "Client", "Test");

        var a = await client.CreateTicketAsync(new HubSpotTicketRequest("Sujet", "Contenu", contactId) { IdempotencyKey = "inst-1:ticket" }, default);
        var b = await client.CreateTicketAsync(new HubSpotTicketRequest("Sujet", "Contenu", contactId) { IdempotencyKey = "inst-2:ticket" }, default);

        b.Id.Should().NotBe(a.Id);
        _server.Tickets.Should().HaveCount(2);
    }

    [Fact]
    public async Task CreateTicket_WithoutIdempotencyProperty_DoesNotSearchAndARetryDuplicates()
    {
        var contactId = _server.AddContact("client@example.fr", "Client", "Test");
        var request = new HubSpotTicketRequest("Sujet", "Contenu", contactId) { IdempotencyKey = "inst-1:ticket" };

        await Client.CreateTicketAsync(request, default);
        await Client.CreateTicketAsync(request, default);

        _server.Tickets.Should().HaveCount(2, "without the setting there is nothing to find the first ticket by");
        _server.Requests.Should().NotContain(r => r.Path == "/crm/v3/objects/tickets/search");
        _server.Tickets.Should().AllSatisfy(t => t["properties"]!.AsObject().Select(p => p.Value!.ToString()).Should().NotContain("inst-1:ticket"));
    }

    [Fact]
    public void IdempotencyProperty_NotAnInternalName_FailsValidation()
    {
        var settings = WithIdempotency(_server.Url);
        settings["Connectors:HubSpot:IdempotencyProperty"] = "Idempotency Key";
        using var host = ConnectorTestHost.Create(settings);

        host.Invoking(h => h.ValidateOnStart()).Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*Connectors:HubSpot:IdempotencyProperty*");
    }

    private static Dictionary<string, string?> WithIdempotency(string url)
    {
        var settings = Settings(url, FakeHubSpotServer.Token);
        settings["Connectors:HubSpot:IdempotencyProperty"] = "serverless_idempotency_key";
        return settings;
    }

    [Fact]
    public async Task CreateTicket_UnknownContact_FailsAsValidationWithHubSpotMessage()
    {
        var act = () => Client.CreateTicketAsync(new HubSpotTicketRequest("Sujet", "Contenu", "999"), default);

        var failure = (await act.Should().ThrowAsync<ActivityException>()).Which;
        failure.Kind.Should().Be(ErrorKinds.Validation);
        failure.Message.Should().Contain("Invalid association").And.Contain("VALIDATION_ERROR");
        _server.Requests.Should().HaveCount(1, "a 400 is not retried");
    }

    [Fact]
    public async Task AnyCall_RefusedToken_FailsAsUnauthorizedWithoutRetry()
    {
        using var host = ConnectorTestHost.Create(Settings(_server.Url, "pat-eu1-expired"));

        var act = () => host.Connector<IHubSpotClient>().FindContactByEmailAsync("a@example.fr", default);

        var failure = (await act.Should().ThrowAsync<ActivityException>()).Which;
        failure.Kind.Should().Be(ErrorKinds.Unauthorized);
        failure.Message.Should().Contain("401").And.Contain("INVALID_AUTHENTICATION").And.NotContain("pat-eu1-expired");
        _server.Requests.Should().HaveCount(1);
    }
}
