using Serverless.Crm.Data;

namespace Serverless.Crm.Tests.Api;

/// <summary>Every problem of a body at once, each under its JSON path, as 400 application/problem+json; nothing stored.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly CrmApiHarness api = new();

    [Fact]
    public async Task Deal_ReportsEveryProblemWithItsPath()
    {
        var response = await api.PostAsync<Deal>("""{"amount": "beaucoup", "tags": ["vip", 3], "owner_id": "7", "organisation_id": true, "currency": 978}""");

        response.Status.Should().Be(400);
        response.Headers.ContentType.ToString().Should().StartWith("application/problem+json");
        var errors = response.Errors;
        errors.Keys.Should().BeEquivalentTo("$.amount", "$.tags[1]", "$.owner_id", "$.organisation_id", "$.currency", "$.title");
        errors["$.amount"].Should().Be("must be a number (was \"beaucoup\").");
        errors["$.title"].Should().Be("required.");
        errors["$.owner_id"].Should().Be("no user has the id '7'.");
        errors["$.tags[1]"].Should().StartWith("must be a string");
        (await api.Store.ListAsync<Deal>()).Should().BeEmpty();
        api.Sink.Events.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"name": null}""", "$.name", "required: it cannot be null.")]
    [InlineData("""{"name": "  "}""", "$.name", "required: must not be empty.")]
    [InlineData("""{"email": "not-an-address"}""", "$.email", "must be an email address")]
    [InlineData("""{"owner_id": 0}""", "$.owner_id", "must be an id")]
    [InlineData("""{"tags": "vip"}""", "$.tags", "must be an array of strings")]
    [InlineData("""{"fields": [1]}""", "$.fields", "must be an object of free fields")]
    [InlineData("""{"updated_at": "2026-01-01T00:00:00Z"}""", "$.updated_at", "is set by the server")]
    public async Task OrganisationPatch_BadProperty_Is400OnItsPath(string body, string path, string message)
    {
        var id = await api.CreateAsync<Organisation>("""{"name": "Acme"}""");

        var response = await api.PatchAsync<Organisation>(id, body);

        response.Status.Should().Be(400);
        response.Errors.Should().ContainKey(path).WhoseValue.Should().StartWith(message);
        (await api.Store.GetAsync<Organisation>(id))!.Name.Should().Be("Acme");
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"Acme\"")]
    [InlineData("")]
    public async Task Body_ThatIsNotAnObject_Is400(string body)
    {
        var response = await api.PostAsync<Organisation>(body);

        response.Status.Should().Be(400);
        response.Errors.Keys.Should().Equal("$");
    }

    [Fact]
    public async Task InvalidJson_Is400NamingTheBody()
    {
        var response = await api.PostAsync<Organisation>("""{"name": "Acme",""");

        response.Status.Should().Be(400);
        response.Errors.Should().ContainKey("body");
    }

    [Fact]
    public async Task Task_UnknownPropertyChoiceDateAndEntity_AreProblems()
    {
        var response = await api.PostAsync<CrmTask>("""{"title": "Relancer", "priorite": "haute", "priority": "asap", "due": "31/12/2026", "status": "closed", "entity": {"type": "company", "id": "1", "x": 1}}""");

        var errors = response.Errors;
        errors.Keys.Should().BeEquivalentTo("$.priorite", "$.priority", "$.due", "$.status", "$.entity.type", "$.entity.x");
        errors["$.priorite"].Should().StartWith("is not a property of a task; use title, description, due");
        errors["$.priority"].Should().Be("must be one of urgent, high, normal, low (was \"asap\").");
        errors["$.due"].Should().StartWith("must be an ISO 8601 date or time");
    }

    [Fact]
    public async Task Activity_OnAnEntityThatDoesNotExist_IsAProblemOnItsId()
    {
        var response = await api.PostAsync<CrmActivityRecord>("""{"type": "call", "title": "Appel", "entity": {"type": "deal", "id": 12}}""");

        response.Errors.Should().Equal(new Dictionary<string, string> { ["$.entity.id"] = "no deal has the id '12'." });
    }

    public void Dispose() => api.Dispose();
}
