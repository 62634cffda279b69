using System.Text.Json.Nodes;
using Serverless.Crm.Data;

namespace Serverless.Crm.Tests.HubSpot;

public sealed class HubSpotCrmStoreTests
{
    [Fact]
    public async Task Organisation_CreateThenGet_RoundTripsThroughCompanyProperties()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();

        var created = await h.Store.CreateAsync(new Organisation
        {
            Id = "org-1", Name = "Acme", PipelineStage = "PROPOSITION", OwnerId = "101", Tags = ["vip", "eu"],
            Fields = new Dictionary<string, JsonNode?> { ["montant_potentiel"] = 60000 },
        });
        var read = await h.Store.GetAsync<Organisation>(created.Id);

        created.Id.Should().MatchRegex("^[0-9]+$", "the HubSpot object id is the record id");
        h.Server.Property("companies", created.Id, "name").Should().Be("Acme");
        h.Server.Property("companies", created.Id, "lifecyclestage").Should().Be("PROPOSITION");
        h.Server.Property("companies", created.Id, "crm_tags").Should().Be("vip;eu");
        h.Server.Property("companies", created.Id, "hubspot_owner_id").Should().Be("101");
        read!.Name.Should().Be("Acme");
        read.PipelineStage.Should().Be("PROPOSITION");
        read.Tags.Should().Equal("vip", "eu");
        read.Fields["montant_potentiel"]!.GetValue<decimal>().Should().Be(60000m);
        (await h.Store.GetAsync<Organisation>("org-1"))!.Id.Should().Be(created.Id, "the proposed id stays an alias");
    }

    [Fact]
    public async Task Deal_CreateWithOrganisation_AssociatesTheCompany_AndUpdatePatchesOnlyWhatChanged()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        var org = await h.Store.CreateAsync(new Organisation { Id = "org-7", Name = "Acme" });

        var deal = await h.Store.CreateAsync(new Deal { Id = "deal-1", Title = "Licence", Stage = "PROPOSITION", Amount = 1234.5m, Currency = "EUR", OrganisationId = "org-7" });
        var update = await h.Store.UpdateAsync<Deal>(deal.Id, d => d with { Stage = "SIGNE" });

        deal.OrganisationId.Should().Be(org.Id, "the alias org-7 resolves to the company's HubSpot id");
        deal.Amount.Should().Be(1234.5m);
        deal.Currency.Should().Be("EUR");
        update!.Before.Stage.Should().Be("PROPOSITION");
        update.After.Stage.Should().Be("SIGNE");
        update.After.OrganisationId.Should().Be(org.Id);
        var patch = h.Server.Requests.Last(r => r.Method == "PATCH");
        patch.Body!["properties"]!.AsObject().Select(p => p.Key).Should().Equal("dealstage");
    }

    [Fact]
    public async Task TaskPersonAndNote_MapToTheirHubSpotProperties()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        var org = await h.Store.CreateAsync(new Organisation { Id = "o", Name = "Acme" });
        var due = new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero);

        var person = await h.Store.CreateAsync(new Person { Id = "p", Name = "Marie Curie Sklodowska", Email = "marie@acme.test", Phone = "+33 1", OrganisationId = org.Id });
        var task = await h.Store.CreateAsync(new CrmTask
        {
            Id = "t", Title = "Relancer", Description = "Appeler", Due = due, AssigneeId = "101", Priority = "urgent",
            Entity = new CrmEntityRef(CrmEntityTypes.Person, person.Id),
        });
        var done = await h.Store.UpdateAsync<CrmTask>(task.Id, t => t with { Status = CrmTaskStatuses.Done });
        var note = await h.Store.CreateAsync(new CrmActivityRecord { Id = "n", Type = "call", Title = "Appel client", Text = "Rappeler lundi", At = due, Entity = new CrmEntityRef(CrmEntityTypes.Organisation, org.Id) });

        h.Server.Property("contacts", person.Id, "firstname").Should().Be("Marie");
        h.Server.Property("contacts", person.Id, "lastname").Should().Be("Curie Sklodowska");
        (await h.Store.GetAsync<Person>(person.Id))!.Should().BeEquivalentTo(new { Name = "Marie Curie Sklodowska", Email = "marie@acme.test", Phone = "+33 1", OrganisationId = org.Id });
        h.Server.Property("tasks", task.Id, "hs_task_priority").Should().Be("HIGH");
        task.Should().BeEquivalentTo(new { Title = "Relancer", Description = "Appeler", Due = due, AssigneeId = "101", Status = CrmTaskStatuses.Open, Entity = new CrmEntityRef(CrmEntityTypes.Person, person.Id) });
        done!.After.Status.Should().Be(CrmTaskStatuses.Done);
        h.Server.Property("tasks", task.Id, "hs_task_status").Should().Be("COMPLETED");
        note.Should().BeEquivalentTo(new { Type = "call", Title = "Appel client", Text = "Rappeler lundi", At = due, Entity = new CrmEntityRef(CrmEntityTypes.Organisation, org.Id) });
    }

    [Fact]
    public async Task CreateOnce_RetriedWithTheSameId_FindsTheFirstObject()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        var task = new CrmTask { Id = "task-abc", Title = "Appel", Due = DateTimeOffset.UtcNow };

        var first = await h.Store.CreateOnceAsync(task);
        var second = await h.Store.CreateOnceAsync(task);

        first.Created.Should().BeTrue();
        second.Created.Should().BeFalse();
        second.Record.Id.Should().Be(first.Record.Id);
        h.Server.Requests.Count(r => r.Method == "POST" && r.Path == "/crm/v3/objects/tasks").Should().Be(1);
    }

    [Fact]
    public async Task Users_AreTheOwners_WithManagersFromSettings_AndReadOnly()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        h.Server.Owners.Add(new JsonObject { ["id"] = "101", ["email"] = "sales@acme.test", ["firstName"] = "Sam", ["lastName"] = "Sales", ["createdAt"] = "2025-01-01T00:00:00Z", ["updatedAt"] = "2025-01-01T00:00:00Z" });
        h.Server.Owners.Add(new JsonObject { ["id"] = "100", ["email"] = "boss@acme.test", ["firstName"] = "Bea", ["lastName"] = "Boss", ["createdAt"] = "2024-01-01T00:00:00Z", ["updatedAt"] = "2024-01-01T00:00:00Z" });

        var users = await h.Store.ListAsync<User>();
        var sam = await h.Store.GetAsync<User>("101");
        var create = () => h.Store.CreateAsync(new User { Id = "u", Name = "x", Email = "x@x" });

        users.Select(u => u.Id).Should().Equal("100", "101");
        sam!.Should().BeEquivalentTo(new { Name = "Sam Sales", Email = "sales@acme.test", ManagerId = "100" });
        await create.Should().ThrowAsync<Runtime.Abstractions.ActivityException>();
    }

    [Fact]
    public async Task Notifications_StayInTheDocumentStore()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();

        await h.Store.CreateAsync(new Notification { Id = "n1", UserId = "101", Body = "Hello" });

        (await h.Store.ListAsync<Notification>("user_id", "101")).Select(n => n.Id).Should().Equal("n1");
        h.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task ListByField_FiltersMappedRecords_AcrossPages()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        for (var i = 0; i < 105; i++)
        {
            h.Server.Add("deals", new() { ["dealname"] = $"d{i}", ["dealstage"] = i % 2 == 0 ? "SIGNE" : "PROPOSITION" });
        }

        var signed = await h.Store.ListAsync<Deal>("stage", "SIGNE");

        signed.Should().HaveCount(53);
        h.Server.Requests.Count(r => r.Path == "/crm/v3/objects/deals").Should().Be(2);
    }

    [Fact]
    public async Task RateLimited429_IsRetriedAfterRetryAfter_ByTheSharedPipeline()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        var id = h.Server.Add("companies", new() { ["name"] = "Acme" });
        h.Server.Script(429, """{"status":"error","message":"You have reached your secondly limit.","category":"RATE_LIMITS"}""", retryAfter: "0");

        var read = await h.Store.GetAsync<Organisation>(id);

        read!.Name.Should().Be("Acme");
        h.Server.Requests.Count(r => r.Path == $"/crm/v3/objects/companies/{id}").Should().Be(2);
    }

    [Fact]
    public async Task Missing_IsNull_AndDeleteArchives()
    {
        await using var h = await HubSpotCrmHarness.StartAsync();
        var id = h.Server.Add("companies", new() { ["name"] = "Acme" });

        (await h.Store.GetAsync<Organisation>("999999")).Should().BeNull();
        (await h.Store.UpdateAsync<Organisation>("999999", o => o)).Should().BeNull();
        (await h.Store.DeleteAsync<Organisation>(id)).Should().BeTrue();
        (await h.Store.DeleteAsync<Organisation>(id)).Should().BeFalse();
        h.Server.Archived("companies", id).Should().BeTrue();
    }
}
