using Serverless.Crm.Data;

namespace Serverless.Crm.Tests.Api;

/// <summary>People, tasks and activities: written straight to the store (no change events), linked to entities.</summary>
public sealed class TaskActivityPersonApiTests : IDisposable
{
    private readonly CrmApiHarness api = new();

    [Fact]
    public async Task Person_KeepsExtraColumnsInFields_AndFiltersByOrganisation()
    {
        var org = await api.CreateAsync<Organisation>("""{"name": "Acme"}""");
        var events = api.Sink.Events.Count;
        var created = await api.PostAsync<Person>($$"""{"name": "Paul", "organisation_id": "{{org}}", "email": "paul@acme.fr", "poste": "DAF"}""");
        await api.CreateAsync<Person>("""{"name": "Zoé"}""");

        created.Headers.Location.ToString().Should().Be("/api/v1/crm/people/1");
        created.Json["fields"]!["poste"]!.GetValue<string>().Should().Be("DAF");
        created.Headers.ContainsKey(Serverless.Crm.Api.Data.CrmDataRoutes.WorkflowsStartedHeader).Should().BeFalse();
        (await api.ListAsync<Person>($"organisation_id={org}")).Json["items"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Equal("Paul");
        var patched = await api.PatchAsync<Person>("1", """{"phone": "+33 6 12 34 56 78", "fields": {"poste": null, "service": "Finance"}}""");
        patched.Json["phone"]!.GetValue<string>().Should().Be("+33 6 12 34 56 78");
        patched.Json["fields"]!.ToJsonString().Should().Be("""{"service":"Finance"}""");
        (await api.PatchAsync<Person>("1", """{"fields": null}""")).Json["fields"]!.AsObject().Should().BeEmpty();
        api.Sink.Events.Should().HaveCount(events, "people have no change events");
    }

    [Fact]
    public async Task Task_OnADeal_CreatedWithDefaults_FilteredByEntity_Done()
    {
        var user = await api.CreateAsync<User>("""{"name": "Léa", "email": "lea@example.com"}""");
        var deal = await api.CreateAsync<Deal>("""{"title": "Licences"}""");
        var created = await api.PostAsync<CrmTask>($$"""{"title": "Relancer client", "assignee_id": {{user}}, "due": "2026-12-06", "entity": {"type": "Deal", "id": {{deal}} } }""");
        await api.CreateAsync<CrmTask>("""{"title": "Sans lien", "priority": "HIGH"}""");

        created.Json["priority"]!.GetValue<string>().Should().Be("normal");
        created.Json["status"]!.GetValue<string>().Should().Be("open");
        created.Json["entity"]!.ToJsonString().Should().Be($$"""{"type":"deal","id":"{{deal}}"}""");
        (await api.Store.GetAsync<CrmTask>("1"))!.Due.Should().Be(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero));
        var onDeal = await api.ListAsync<CrmTask>($"entity_type=deal&entity_id={deal}");
        onDeal.Json["items"]!.AsArray().Select(t => t!["title"]!.GetValue<string>()).Should().Equal("Relancer client");
        (await api.ListAsync<CrmTask>("priority=high")).Json["total"]!.GetValue<int>().Should().Be(1);
        (await api.PatchAsync<CrmTask>("1", """{"status": "DONE"}""")).Json["status"]!.GetValue<string>().Should().Be("done");
        (await api.ListAsync<CrmTask>($"status=open&assignee_id={user}")).Json["total"]!.GetValue<int>().Should().Be(0);
        (await api.PutAsync<CrmTask>("1", """{"title": "Relancer"}""")).Json["status"]!.GetValue<string>().Should().Be("open");
        (await api.DeleteAsync<CrmTask>("2")).Status.Should().Be(204);
    }

    [Fact]
    public async Task Activity_IsStampedNowByDefault_AndListedByEntity()
    {
        var org = await api.CreateAsync<Organisation>("""{"name": "Acme"}""");
        var call = await api.PostAsync<CrmActivityRecord>($$"""{"type": "CALL", "title": "Appel", "entity": {"type": "organisation", "id": "{{org}}"} }""");
        api.Clock.Advance(TimeSpan.FromDays(1));
        await api.CreateAsync<CrmActivityRecord>($$"""{"type": "note", "title": "Note", "text": "RAS", "at": "2026-11-01T10:00:00+01:00", "entity": {"type": "organisation", "id": "{{org}}"} }""");
        await api.CreateAsync<CrmActivityRecord>("""{"type": "other", "title": "Libre"}""");

        call.Json["type"]!.GetValue<string>().Should().Be("call");
        var stored = (await api.Store.ListAsync<CrmActivityRecord>()).ToDictionary(a => a.Title);
        stored["Appel"].At.Should().Be(api.Clock.GetUtcNow().AddDays(-1));
        stored["Appel"].Entity.Should().Be(new CrmEntityRef("organisation", org));
        stored["Note"].At.Should().Be(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var listed = await api.ListAsync<CrmActivityRecord>($"entity_type=organisation&entity_id={org}&type=call");
        listed.Json["items"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).Should().Equal("Appel");

        var replaced = await api.PutAsync<CrmActivityRecord>("1", """{"type": "meeting", "title": "Rendez-vous"}""");
        replaced.Json["entity"].Should().BeNull();
        replaced.Json["at"]!.GetValue<DateTimeOffset>().Should().Be(stored["Appel"].At, "a replace keeps the activity's time unless given");
        (await api.PatchAsync<CrmActivityRecord>("1", """{"at": null}""")).Status.Should().Be(200);
    }

    public void Dispose() => api.Dispose();
}
