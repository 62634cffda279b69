using Serverless.Crm.Api.Data;
using Serverless.Crm.Data;

namespace Serverless.Crm.Tests.Api;

public sealed class OrganisationApiTests : IDisposable
{
    private readonly CrmApiHarness api = new();

    [Fact]
    public async Task Create_GivesIntegerIds_KeepsUnknownPropertiesInFields_AndPublishesCreated()
    {
        var first = await api.PostAsync<Organisation>("""{"name": "Acme", "pipeline_stage": "PROPOSITION", "montant_potentiel": 80000, "type": "client"}""");
        var second = await api.PostAsync<Organisation>("""{"name": "Globex"}""");

        first.Status.Should().Be(201);
        first.Headers.Location.ToString().Should().Be("/api/v1/crm/organisations/1");
        first.Headers[CrmDataRoutes.WorkflowsStartedHeader].ToString().Should().Be("1");
        first.Json["id"]!.GetValue<string>().Should().Be("1");
        second.Json["id"]!.GetValue<string>().Should().Be("2");
        first.Json["pipeline_stage"]!.GetValue<string>().Should().Be("PROPOSITION");
        first.Json["fields"]!.ToJsonString().Should().Be("""{"montant_potentiel":80000,"type":"client"}""");
        first.Json["created_at"]!.GetValue<DateTimeOffset>().Should().Be(api.Clock.GetUtcNow());
        var stored = await api.Store.GetAsync<Organisation>("1");
        stored!.Fields["montant_potentiel"]!.GetValue<decimal>().Should().Be(80000m);

        var created = api.Sink.Events[0];
        created.Channel.Should().Be(CrmNames.Channels.OrganisationCreated);
        created.EntityType.Should().Be("organisation");
        created.EntityId.Should().Be("1");
        created.Before.Should().BeNull();
        created.After!["fields"]!["montant_potentiel"]!.GetValue<decimal>().Should().Be(80000m);
        api.Sink.Events.Should().HaveCount(2);
    }

    [Fact]
    public async Task Create_WithAnId_IsRefused_AndUsesNoNumber()
    {
        var refused = await api.PostAsync<Organisation>("""{"id": "99", "name": "Acme", "created_at": "2020-01-01T00:00:00Z"}""");
        var next = await api.PostAsync<Organisation>("""{"name": "Acme"}""");

        refused.Status.Should().Be(400);
        refused.Errors.Keys.Should().BeEquivalentTo("$.id", "$.created_at");
        next.Json["id"]!.GetValue<string>().Should().Be("1");
        api.Sink.Events.Should().ContainSingle("a refused write publishes nothing");
    }

    [Fact]
    public async Task Create_SkipsANumberAlreadyTakenByAnImportedRecord()
    {
        await api.Store.CreateAsync(new Organisation { Id = "1", Name = "Imported" });

        var created = await api.PostAsync<Organisation>("""{"name": "Acme"}""");

        created.Json["id"]!.GetValue<string>().Should().Be("2");
    }

    [Fact]
    public async Task Get_Unknown_Is404NamingTypeAndId()
    {
        var missing = await api.GetAsync<Organisation>("42");

        missing.Status.Should().Be(404);
        missing.Headers.ContentType.ToString().Should().StartWith("application/problem+json");
        missing.Json["entityType"]!.GetValue<string>().Should().Be("organisation");
        missing.Json["id"]!.GetValue<string>().Should().Be("42");
        missing.Json["detail"]!.GetValue<string>().Should().Contain("organisation").And.Contain("'42'");
    }

    [Fact]
    public async Task Patch_ChangesOnlyTheGivenProperties_NullClears_FieldsMerge_AndPublishesBeforeAfter()
    {
        var owner = await api.CreateAsync<User>("""{"name": "Léa", "email": "lea@example.com"}""");
        var id = await api.CreateAsync<Organisation>($$"""{"name": "Acme", "email": "contact@acme.fr", "owner_id": "{{owner}}", "tags": ["vip"], "nom": "Acme SA", "ville": "Lyon"}""");
        api.Clock.Advance(TimeSpan.FromMinutes(5));

        var patched = await api.PatchAsync<Organisation>(id, """{"pipeline_stage": "QUALIFICATION", "email": null, "ville": null, "montant_potentiel": 60000}""");

        patched.Status.Should().Be(200);
        patched.Headers[CrmDataRoutes.WorkflowsStartedHeader].ToString().Should().Be("1");
        var after = patched.Json;
        after["name"]!.GetValue<string>().Should().Be("Acme");
        after["owner_id"]!.GetValue<string>().Should().Be(owner);
        after["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("vip");
        after["pipeline_stage"]!.GetValue<string>().Should().Be("QUALIFICATION");
        after["email"].Should().BeNull();
        after["fields"]!.ToJsonString().Should().Be("""{"nom":"Acme SA","montant_potentiel":60000}""");
        after["updated_at"]!.GetValue<DateTimeOffset>().Should().Be(api.Clock.GetUtcNow());

        var updated = api.Sink.Events.Last();
        updated.Channel.Should().Be(CrmNames.Channels.OrganisationUpdated);
        updated.Before!["pipeline_stage"].Should().BeNull();
        updated.Before["email"]!.GetValue<string>().Should().Be("contact@acme.fr");
        updated.After!["pipeline_stage"]!.GetValue<string>().Should().Be("QUALIFICATION");
    }

    [Fact]
    public async Task Patch_ThatChangesNothing_PublishesNothing()
    {
        var id = await api.CreateAsync<Organisation>("""{"name": "Acme"}""");

        var patched = await api.PatchAsync<Organisation>(id, """{"name": "Acme"}""");

        patched.Status.Should().Be(200);
        patched.Headers[CrmDataRoutes.WorkflowsStartedHeader].ToString().Should().Be("0");
        api.Sink.Events.Should().ContainSingle();
    }

    [Fact]
    public async Task Put_ReplacesEveryEditableProperty_KeepsIdAndCreatedAt()
    {
        var id = await api.CreateAsync<Organisation>("""{"name": "Acme", "email": "a@acme.fr", "tags": ["vip"], "nom": "Acme SA"}""");
        var createdAt = (await api.Store.GetAsync<Organisation>(id))!.CreatedAt;
        api.Clock.Advance(TimeSpan.FromHours(1));

        var replaced = await api.PutAsync<Organisation>(id, """{"name": "Acme Group", "ville": "Paris"}""");

        replaced.Status.Should().Be(200);
        var stored = (await api.Store.GetAsync<Organisation>(id))!;
        stored.Name.Should().Be("Acme Group");
        stored.Email.Should().BeNull();
        stored.Tags.Should().BeEmpty();
        stored.Fields.Keys.Should().Equal("ville");
        stored.CreatedAt.Should().Be(createdAt);
        stored.UpdatedAt.Should().Be(createdAt.AddHours(1));
        (await api.PutAsync<Organisation>(id, """{"email": "x@acme.fr"}""")).Errors.Should().ContainKey("$.name");
        (await api.PutAsync<Organisation>("404", """{"name": "X"}""")).Status.Should().Be(404);
    }

    [Fact]
    public async Task Delete_Is204ThenUnknown404()
    {
        var id = await api.CreateAsync<Organisation>("""{"name": "Acme"}""");

        (await api.DeleteAsync<Organisation>(id)).Status.Should().Be(204);
        (await api.GetAsync<Organisation>(id)).Status.Should().Be(404);
        (await api.DeleteAsync<Organisation>(id)).Status.Should().Be(404);
        (await api.PatchAsync<Organisation>(id, """{"name": "B"}""")).Status.Should().Be(404);
    }

    [Fact]
    public async Task List_FiltersByOwnerStageAndTag_AndPages()
    {
        var lea = await api.CreateAsync<User>("""{"name": "Léa", "email": "lea@example.com"}""");
        var marc = await api.CreateAsync<User>("""{"name": "Marc", "email": "marc@example.com"}""");
        for (var i = 1; i <= 5; i++)
        {
            var stage = i % 2 == 0 ? "PROPOSITION" : "QUALIFICATION";
            await api.CreateAsync<Organisation>($$"""{"name": "Org {{i}}", "owner_id": "{{(i <= 3 ? lea : marc)}}", "pipeline_stage": "{{stage}}", "tags": [{{(i == 5 ? "\"VIP\"" : "")}}]}""");
        }

        Names(await api.ListAsync<Organisation>()).Should().Equal("Org 1", "Org 2", "Org 3", "Org 4", "Org 5");
        Names(await api.ListAsync<Organisation>($"owner_id={lea}")).Should().Equal("Org 1", "Org 2", "Org 3");
        Names(await api.ListAsync<Organisation>("pipeline_stage=proposition")).Should().Equal("Org 2", "Org 4");
        Names(await api.ListAsync<Organisation>($"stage=QUALIFICATION&owner_id={marc}")).Should().Equal("Org 5");
        Names(await api.ListAsync<Organisation>("tag=vip")).Should().Equal("Org 5");

        var page = await api.ListAsync<Organisation>("skip=1&limit=2");
        Names(page).Should().Equal("Org 2", "Org 3");
        page.Json["total"]!.GetValue<int>().Should().Be(5);
        page.Json["skip"]!.GetValue<int>().Should().Be(1);
        page.Json["limit"]!.GetValue<int>().Should().Be(2);
        (await api.ListAsync<Organisation>()).Json["limit"]!.GetValue<int>().Should().Be(100);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("skip=-1", "skip")]
    [InlineData("skip=a", "skip")]
    [InlineData("owner=1", "owner")]
    [InlineData("owner_id=1&owner_id=2", "owner_id")]
    public async Task List_BadParameter_Is400NamingIt(string query, string parameter)
    {
        var response = await api.ListAsync<Organisation>(query);

        response.Status.Should().Be(400);
        response.Errors.Keys.Should().Equal(parameter);
    }

    private static List<string> Names(CrmResponse list) =>
        [.. list.Json["items"]!.AsArray().Select(o => o!["name"]!.GetValue<string>())];

    public void Dispose() => api.Dispose();
}
