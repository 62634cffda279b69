using Serverless.Crm.Data;
using Serverless.Crm.HubSpot;

namespace Serverless.Crm.Tests.HubSpot;

public sealed class HubSpotPollingTests
{
    [Fact]
    public async Task Poll_FirstSetsTheCheckpoint_ThenPublishesChangesSinceIt_Once()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        h.Server.Add("companies", new() { ["name"] = "Old" });

        var first = await h.Poller.PollAsync(default);
        var company = h.Server.Add("companies", new() { ["name"] = "Acme" });
        var deal = h.Server.Add("deals", new() { ["dealname"] = "Licence", ["dealstage"] = "PROPOSITION" });
        var second = await h.Poller.PollAsync(default);
        h.Server.Change("deals", deal, new() { ["dealstage"] = "SIGNE" });
        var third = await h.Poller.PollAsync(default);
        var fourth = await h.Poller.PollAsync(default);

        first.Published.Should().BeEmpty("the first poll starts from now, it does not replay history");
        second.Published.Should().HaveCount(2);
        h.Sink.Events.Take(2).Select(e => (e.Channel, e.EntityId)).Should().Equal(
            (CrmNames.Channels.OrganisationCreated, company), (CrmNames.Channels.DealCreated, deal));
        third.Published.Should().HaveCount(2);
        h.Sink.Events[3].Channel.Should().Be(CrmNames.Channels.DealStageChanged);
        h.Sink.Events[3].Extra!["from_stage"]!.GetValue<string>().Should().Be("PROPOSITION");
        h.Sink.Events[2].EventId.Should().StartWith($"hubspot-poll-{deal}-");
        fourth.Published.Should().BeEmpty("nothing changed since");
        var checkpoint = await h.Documents.ReadAsync(HubSpotChangePoller.CheckpointCollection, DocumentCrmStore.PartitionKey, "deals");
        var modified = DateTimeOffset.Parse(h.Server.Property("deals", deal, "hs_lastmodifieddate")!, System.Globalization.CultureInfo.InvariantCulture);
        checkpoint!.Body["modified_ms"]!.GetValue<long>().Should().Be(modified.ToUnixTimeMilliseconds());
        var search = h.Server.Requests.Last(r => r.Path == "/crm/v3/objects/deals/search").Body!;
        search["sorts"]![0]!["propertyName"]!.GetValue<string>().Should().Be("hs_lastmodifieddate");
        search["filterGroups"]![0]!["filters"]![0]!["operator"]!.GetValue<string>().Should().Be("GTE");
    }

    [Fact]
    public async Task PollIfDue_WaitsForTheInterval()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();

        var first = await h.Poller.PollIfDueAsync(default);
        var second = await h.Poller.PollIfDueAsync(default);

        first.Should().NotBeNull();
        second.Should().BeNull("Crm:HubSpot:PollIntervalSeconds is 60");
    }
}
