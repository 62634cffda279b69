using Serverless.Crm.Data;

namespace Serverless.Crm.Tests.Api;

public sealed class UserApiTests : IDisposable
{
    private readonly CrmApiHarness api = new();

    [Fact]
    public async Task Users_WithManagers_CreateListByManagerPatchPutDelete()
    {
        var boss = await api.CreateAsync<User>("""{"name": "Claire", "email": "claire@example.com"}""");
        var lea = await api.CreateAsync<User>($$"""{"name": "Léa", "email": "lea@example.com", "manager_id": {{boss}}}""");
        var marc = await api.CreateAsync<User>($$"""{"name": "Marc", "email": "marc@example.com", "manager_id": "{{boss}}"}""");

        var team = await api.ListAsync<User>($"manager_id={boss}");
        var patched = await api.PatchAsync<User>(marc, $$"""{"manager_id": "{{lea}}"}""");
        var replaced = await api.PutAsync<User>(lea, """{"name": "Léa Martin", "email": "lea.martin@example.com"}""");

        new[] { boss, lea, marc }.Should().Equal("1", "2", "3");
        team.Json["items"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()).Should().Equal(lea, marc);
        team.Json["total"]!.GetValue<int>().Should().Be(2);
        patched.Json["manager_id"]!.GetValue<string>().Should().Be(lea);
        replaced.Json["manager_id"].Should().BeNull("a PUT without manager_id clears it");
        (await api.GetAsync<User>(lea)).Json["email"]!.GetValue<string>().Should().Be("lea.martin@example.com");
        (await api.DeleteAsync<User>(marc)).Status.Should().Be(204);
        (await api.ListAsync<User>()).Json["total"]!.GetValue<int>().Should().Be(2);
        api.Sink.Events.Should().BeEmpty("users have no change events");
    }

    [Fact]
    public async Task ManagerChain_ThatWouldLoop_IsRefused()
    {
        var a = await api.CreateAsync<User>("""{"name": "A", "email": "a@example.com"}""");
        var b = await api.CreateAsync<User>($$"""{"name": "B", "email": "b@example.com", "manager_id": "{{a}}"}""");
        var c = await api.CreateAsync<User>($$"""{"name": "C", "email": "c@example.com", "manager_id": "{{b}}"}""");

        var loop = await api.PatchAsync<User>(a, $$"""{"manager_id": "{{c}}"}""");
        var self = await api.PatchAsync<User>(b, $$"""{"manager_id": "{{b}}"}""");

        loop.Status.Should().Be(400);
        loop.Errors["$.manager_id"].Should().Be("would make the manager chain loop: 1 -> 3 -> 2 -> 1.");
        self.Errors["$.manager_id"].Should().Be("would make the manager chain loop: 2 -> 2.");
        (await api.Store.GetAsync<User>(a))!.ManagerId.Should().BeNull();
    }

    [Fact]
    public async Task User_NeedsNameAndEmail_AndAnExistingManager()
    {
        var response = await api.PostAsync<User>("""{"manager_id": "9", "owner_id": "1"}""");

        response.Errors.Keys.Should().BeEquivalentTo("$.name", "$.email", "$.manager_id", "$.owner_id");
    }

    public void Dispose() => api.Dispose();
}
