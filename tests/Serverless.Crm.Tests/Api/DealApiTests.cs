using Serverless.Crm.Api.Data;
using Serverless.Crm.Data;

namespace Serverless.Crm.Tests.Api;

public sealed class DealApiTests : IDisposable
{
    private readonly CrmApiHarness api = new();

    [Fact]
    public async Task StageChange_PublishesUpdatedAndStageChanged_WithFromAndTo()
    {
        var org = await api.CreateAsync<Organisation>("""{"name": "Acme"}""");
        var created = await api.PostAsync<Deal>($$"""{"title": "Licences", "organisation_id": {{org}}, "stage": "PROPOSITION", "amount": 1200.5, "montant": 1200.5}""");
        var id = created.Json["id"]!.GetValue<string>();

        var moved = await api.PatchAsync<Deal>(id, """{"stage": "SIGNÉ"}""");

        created.Json["organisation_id"]!.GetValue<string>().Should().Be(org, "the seed's integer id is stored as the string id");
        created.Json["amount"]!.GetValue<decimal>().Should().Be(1200.5m);
        created.Json["fields"]!["montant"]!.GetValue<decimal>().Should().Be(1200.5m);
        moved.Status.Should().Be(200);
        moved.Headers[CrmDataRoutes.WorkflowsStartedHeader].ToString().Should().Be("2");
        var events = api.Sink.Events.Where(e => e.EntityType == "deal").ToList();
        events.Select(e => e.Channel).Should().Equal(CrmNames.Channels.DealCreated, CrmNames.Channels.DealUpdated, CrmNames.Channels.DealStageChanged);
        var changed = events[2];
        changed.EntityId.Should().Be(id);
        changed.Before!["stage"]!.GetValue<string>().Should().Be("PROPOSITION");
        changed.After!["stage"]!.GetValue<string>().Should().Be("SIGNÉ");
        changed.Extra!["from_stage"]!.GetValue<string>().Should().Be("PROPOSITION");
        changed.Extra["to_stage"]!.GetValue<string>().Should().Be("SIGNÉ");
    }

    [Fact]
    public async Task AmountChange_IsAnUpdateOnly()
    {
        var id = await api.CreateAsync<Deal>("""{"title": "Licences", "stage": "PROPOSITION", "amount": 10}""");

        var patched = await api.PatchAsync<Deal>(id, """{"amount": 20, "currency": "EUR"}""");

        patched.Headers[CrmDataRoutes.WorkflowsStartedHeader].ToString().Should().Be("1");
        api.Sink.Events.Last().Channel.Should().Be(CrmNames.Channels.DealUpdated);
        (await api.Store.GetAsync<Deal>(id))!.Amount.Should().Be(20m);
    }

    [Fact]
    public async Task List_FiltersByOrganisationAndStage()
    {
        var acme = await api.CreateAsync<Organisation>("""{"name": "Acme"}""");
        var globex = await api.CreateAsync<Organisation>("""{"name": "Globex"}""");
        await api.CreateAsync<Deal>($$"""{"title": "A1", "organisation_id": "{{acme}}", "stage": "PROPOSITION"}""");
        await api.CreateAsync<Deal>($$"""{"title": "A2", "organisation_id": "{{acme}}", "stage": "SIGNÉ"}""");
        await api.CreateAsync<Deal>($$"""{"title": "G1", "organisation_id": "{{globex}}", "stage": "PROPOSITION"}""");

        Titles(await api.ListAsync<Deal>($"organisation_id={acme}")).Should().Equal("A1", "A2");
        Titles(await api.ListAsync<Deal>("stage=PROPOSITION")).Should().Equal("A1", "G1");
        Titles(await api.ListAsync<Deal>($"organisation_id={globex}&stage=signé")).Should().BeEmpty();
        (await api.ListAsync<Deal>("pipeline_stage=PROPOSITION")).Errors.Should().ContainKey("pipeline_stage");
    }

    [Fact]
    public async Task Put_ReplacesAndPublishesStageChange()
    {
        var id = await api.CreateAsync<Deal>("""{"title": "Licences", "stage": "PROPOSITION", "amount": 10, "currency": "EUR"}""");

        var replaced = await api.PutAsync<Deal>(id, """{"title": "Licences 2027", "stage": "PERDU"}""");

        replaced.Json["amount"].Should().BeNull();
        replaced.Json["currency"].Should().BeNull();
        api.Sink.Events.Select(e => e.Channel).Should().Contain(CrmNames.Channels.DealStageChanged);
    }

    [Fact]
    public async Task Delete_RemovesTheDeal()
    {
        var id = await api.CreateAsync<Deal>("""{"title": "Licences"}""");

        (await api.DeleteAsync<Deal>(id)).Status.Should().Be(204);
        (await api.Store.GetAsync<Deal>(id)).Should().BeNull();
    }

    private static List<string> Titles(CrmResponse list) =>
        [.. list.Json["items"]!.AsArray().Select(o => o!["title"]!.GetValue<string>())];

    public void Dispose() => api.Dispose();
}
