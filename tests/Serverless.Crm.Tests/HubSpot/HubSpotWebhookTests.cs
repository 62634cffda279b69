using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Crm.HubSpot;

namespace Serverless.Crm.Tests.HubSpot;

public sealed class HubSpotWebhookTests
{
    private static string Batch(params (long EventId, string Type, string ObjectId, string? Property, string? Value)[] events) =>
        new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
        {
            ["eventId"] = e.EventId, ["subscriptionId"] = 2400, ["portalId"] = 1234, ["appId"] = 99,
            ["occurredAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ["subscriptionType"] = e.Type, ["attemptNumber"] = 0,
            ["objectId"] = long.Parse(e.ObjectId, System.Globalization.CultureInfo.InvariantCulture), ["changeSource"] = "CRM_UI",
            ["propertyName"] = e.Property, ["propertyValue"] = e.Value,
        })]).ToJsonString();

    private static int Status(IResult result) => ((IStatusCodeHttpResult)result).StatusCode ?? 200;

    [Fact]
    public async Task Signature_Right_IsAccepted_WrongSecretStaleOrAlteredBody_Is401()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        var body = Batch((1, "contact.creation", "5", null, null));

        var ok = await h.Webhook.HandleAsync(HubSpotCrmHarness.SignedRequest(body), default);
        var wrongSecret = await h.Webhook.HandleAsync(HubSpotCrmHarness.SignedRequest(body, secret: "another-secret"), default);
        var stale = await h.Webhook.HandleAsync(HubSpotCrmHarness.SignedRequest(body, at: DateTimeOffset.UtcNow.AddMinutes(-6)), default);
        var altered = await h.Webhook.HandleAsync(HubSpotCrmHarness.SignedRequest(body, sentBody: body.Replace("\"5\"", "\"6\"").Replace(":5,", ":6,")), default);

        Status(ok).Should().Be(200);
        foreach (var refused in new[] { wrongSecret, stale, altered })
        {
            refused.Should().BeOfType<ProblemHttpResult>().Which.StatusCode.Should().Be(401);
        }

        ((ProblemHttpResult)stale).ProblemDetails.Detail.Should().Contain("five minutes");
    }

    [Fact]
    public void Signature_UsesTheDecodedUri()
    {
        var encoded = HubSpotSignatureV3.Sign("s", "POST", "https://x.test/hook?a=b%3Ac", "[]", "1");
        var decoded = HubSpotSignatureV3.Sign("s", "POST", "https://x.test/hook?a=b:c", "[]", "1");

        encoded.Should().Be(decoded);
        HubSpotSignatureV3.Check("s", "POST", "https://x.test/hook?a=b:c", "[]", encoded, "1", DateTimeOffset.FromUnixTimeMilliseconds(1)).Should().BeNull();
    }

    [Fact]
    public async Task Batch_CreationsThenStageChange_PublishesEventsWithBeforeAndAfter()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        var company = h.Server.Add("companies", new() { ["name"] = "Acme", ["lifecyclestage"] = "lead" });
        var deal = h.Server.Add("deals", new() { ["dealname"] = "Licence", ["dealstage"] = "PROPOSITION", ["amount"] = "60000" });
        h.Server.Associate("deals", deal, "companies", company);

        var first = await h.Webhook.HandleAsync(HubSpotCrmHarness.SignedRequest(Batch(
            (11, "company.creation", company, null, null), (12, "deal.creation", deal, null, null),
            (13, "deal.propertyChange", deal, "amount", "60000"))), default);
        h.Server.Change("deals", deal, new() { ["dealstage"] = "SIGNE" });
        var second = await h.Webhook.HandleAsync(HubSpotCrmHarness.SignedRequest(Batch((14, "deal.propertyChange", deal, "dealstage", "SIGNE"))), default);

        Status(first).Should().Be(200);
        Status(second).Should().Be(200);
        h.Sink.Events.Select(e => (e.EventId, e.Channel)).Should().Equal(
            ("hubspot-11", CrmNames.Channels.OrganisationCreated),
            ("hubspot-12", CrmNames.Channels.DealCreated),
            ("hubspot-14", CrmNames.Channels.DealUpdated),
            ("hubspot-14-stage", CrmNames.Channels.DealStageChanged));
        var created = h.Sink.Events[1];
        created.Before.Should().BeNull();
        created.After!["organisation_id"]!.GetValue<string>().Should().Be(company);
        created.After["amount"]!.GetValue<decimal>().Should().Be(60000m);
        var stage = h.Sink.Events[3];
        stage.Before!["stage"]!.GetValue<string>().Should().Be("PROPOSITION");
        stage.After!["stage"]!.GetValue<string>().Should().Be("SIGNE");
        stage.Extra!["from_stage"]!.GetValue<string>().Should().Be("PROPOSITION");
        stage.Extra["to_stage"]!.GetValue<string>().Should().Be("SIGNE");
        stage.EntityType.Should().Be(CrmEntityTypes.Deal);
        stage.EntityId.Should().Be(deal);
    }

    [Fact]
    public async Task Redelivery_AfterSuccess_PublishesNothing_AfterAFailure_RepublishesTheSameEventIds()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        var company = h.Server.Add("companies", new() { ["name"] = "Acme" });
        var body = Batch((21, "company.creation", company, null, null));
        h.Sink.FailNext = true;

        var failed = await h.Webhook.HandleAsync(HubSpotCrmHarness.SignedRequest(body), default);
        var retried = await h.Webhook.HandleAsync(HubSpotCrmHarness.SignedRequest(body), default);
        var again = await h.Webhook.HandleAsync(HubSpotCrmHarness.SignedRequest(body), default);

        Status(failed).Should().Be(503, "HubSpot retries a batch answered 5xx");
        Status(retried).Should().Be(200);
        Status(again).Should().Be(200);
        h.Sink.Events.Select(e => e.EventId).Should().Equal("hubspot-21", "hubspot-21");
    }

    [Fact]
    public async Task OwnWrite_ThroughTheStore_ThenHubSpotsWebhook_PublishesNoSecondEvent()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        var changes = new CrmChanges(h.Store, h.Sink, TimeProvider.System);
        var deal = await changes.CreateAsync(new Deal { Id = "d-1", Title = "Licence", Stage = "PROPOSITION" });
        await changes.UpdateAsync<Deal>(deal.After.Id, d => d with { Stage = "SIGNE" });
        var ours = h.Sink.Events.Count;

        var webhook = await h.Webhook.HandleAsync(HubSpotCrmHarness.SignedRequest(Batch(
            (31, "deal.creation", deal.After.Id, null, null), (32, "deal.propertyChange", deal.After.Id, "dealstage", "SIGNE"))), default);

        Status(webhook).Should().Be(200);
        ours.Should().Be(3, "created, then updated + stage_changed, published by CrmChanges");
        h.Sink.Events.Should().HaveCount(ours);
    }

    [Fact]
    public async Task Deletion_ForgetsTheMirror_AndPublishesNothing()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        var org = await h.Store.CreateAsync(new Organisation { Id = "o", Name = "Acme" });
        await h.Store.DeleteAsync<Organisation>(org.Id);

        var result = await h.Webhook.HandleAsync(HubSpotCrmHarness.SignedRequest(Batch((41, "company.deletion", org.Id, null, null))), default);

        Status(result).Should().Be(200);
        h.Sink.Events.Should().BeEmpty();
        (await h.Get<HubSpotMirror>().GetAsync(CrmEntityTypes.Organisation, org.Id, default)).Should().BeNull();
    }

    [Fact]
    public async Task NotABatch_Is400()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();

        var result = await h.Webhook.HandleAsync(HubSpotCrmHarness.SignedRequest("""{"eventId":1}"""), default);

        Status(result).Should().Be(400);
    }
}
