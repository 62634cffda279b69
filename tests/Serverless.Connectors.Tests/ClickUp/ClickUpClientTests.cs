using Serverless.Connectors.ClickUp;
using Serverless.Connectors.Tests.Fakes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Tests.ClickUp;

public sealed class ClickUpClientTests : IAsyncLifetime
{
    private FakeClickUpServer _server = null!;
    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeClickUpServer.StartNewAsync();
        _host = ConnectorTestHost.Create(Settings(_server.Url, FakeClickUpServer.Token));
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    private static Dictionary<string, string?> Settings(string url, string token) => new()
    {
        ["Connectors:ClickUp:BaseAddress"] = url,
        ["Connectors:ClickUp:ApiToken"] = token,
    };

    private IClickUpClient Client => _host.Connector<IClickUpClient>();

    [Fact]
    public async Task GetTask_ParentFromSeed_ReturnsItsList()
    {
        var task = await Client.GetTaskAsync(FakeClickUpServer.ParentTaskId, default);

        task.ListId.Should().Be(FakeClickUpServer.ListId);
        var request = _server.Requests.Single();
        request.Method.Should().Be("GET");
        request.Path.Should().Be($"/api/v2/task/{FakeClickUpServer.ParentTaskId}");
        request.Authorization.Should().Be(FakeClickUpServer.Token, "ClickUp takes the raw token, without a Bearer scheme");
    }

    [Fact]
    public async Task CreateSubtask_UnderParent_PostsToParentsListWithParentSet()
    {
        var subtask = await Client.CreateSubtaskAsync(FakeClickUpServer.ParentTaskId, "Modélisation 3D - maison R+1",
            "Demandeur : client@example.fr\nTicket : https://app.hubspot.com/contacts/1/record/0-5/2", null, default);

        subtask.ParentId.Should().Be(FakeClickUpServer.ParentTaskId);
        subtask.ListId.Should().Be(FakeClickUpServer.ListId);
        subtask.Url.Should().Be($"https://app.clickup.com/t/{subtask.Id}");
        var post = _server.Requests.Last();
        post.Method.Should().Be("POST");
        post.Path.Should().Be($"/api/v2/list/{FakeClickUpServer.ListId}/task");
        post.Body!["name"]!.GetValue<string>().Should().Be("Modélisation 3D - maison R+1");
        post.Body["parent"]!.GetValue<string>().Should().Be(FakeClickUpServer.ParentTaskId);
        post.Body["markdown_description"]!.GetValue<string>().Should().Contain("client@example.fr");
        _server.Tasks.Should().ContainKey(subtask.Id);
    }

    [Fact]
    public async Task CreateSubtask_WithoutKey_SendsNoMarkerAndRetryDuplicates()
    {
        await Client.CreateSubtaskAsync(FakeClickUpServer.ParentTaskId, "Sujet", "Desc", null, default);
        await Client.CreateSubtaskAsync(FakeClickUpServer.ParentTaskId, "Sujet", "Desc", null, default);

        _server.SubtasksOf(FakeClickUpServer.ParentTaskId).Should().HaveCount(2, "without a key nothing tells a retry from a new subtask");
        _server.Markdown.Values.Should().AllSatisfy(m => m.Should().Be("Desc"));
    }

    [Fact]
    public async Task CreateSubtask_RetriedWithSameKey_CreatesOneSubtaskAndReturnsIt()
    {
        var first = await Client.CreateSubtaskAsync(FakeClickUpServer.ParentTaskId, "Sujet", "Demandeur : a@example.fr", "inst-1:subtask", default);
        var second = await Client.CreateSubtaskAsync(FakeClickUpServer.ParentTaskId, "Sujet", "Demandeur : a@example.fr", "inst-1:subtask", default);

        second.Should().Be(first);
        _server.SubtasksOf(FakeClickUpServer.ParentTaskId).Should().ContainSingle();
        _server.Requests.Count(r => r.Method == "POST").Should().Be(1);
        _server.Markdown[first.Id].Should().EndWith("\n\nRef: `inst-1:subtask`");
        _server.Tasks[first.Id]["description"]!.GetValue<string>().Should().EndWith("Ref: inst-1:subtask", "ClickUp gives the text back without the code marks");
    }

    [Fact]
    public async Task CreateSubtask_DifferentKeys_CreatesTwo_EvenWhenOneKeyPrefixesTheOther()
    {
        var a = await Client.CreateSubtaskAsync(FakeClickUpServer.ParentTaskId, "Sujet", "Desc", "inst-1:step:10", default);
        var b = await Client.CreateSubtaskAsync(FakeClickUpServer.ParentTaskId, "Sujet", "Desc", "inst-1:step:1", default);

        b.Id.Should().NotBe(a.Id);
        _server.SubtasksOf(FakeClickUpServer.ParentTaskId).Should().HaveCount(2);
    }

    [Fact]
    public async Task CreateSubtask_SubtasksListedWithoutDescription_ReadsTheSameNamedOneAndFindsIt()
    {
        var first = await Client.CreateSubtaskAsync(FakeClickUpServer.ParentTaskId, "Sujet", "Desc", "inst-2:subtask", default);
        await Client.CreateSubtaskAsync(FakeClickUpServer.ParentTaskId, "Autre", "Desc", "inst-3:subtask", default);
        _server.SubtasksWithoutDescription = true;

        var again = await Client.CreateSubtaskAsync(FakeClickUpServer.ParentTaskId, "Sujet", "Desc", "inst-2:subtask", default);

        again.Id.Should().Be(first.Id);
        _server.SubtasksOf(FakeClickUpServer.ParentTaskId).Should().HaveCount(2);
        _server.Requests.Last().Path.Should().Be($"/api/v2/task/{first.Id}", "only the subtask with the same name is read on its own");
    }

    [Fact]
    public async Task CreateSubtask_WithKey_ReadsParentWithSubtasks()
    {
        await Client.CreateSubtaskAsync(FakeClickUpServer.ParentTaskId, "Sujet", "Desc", "inst-4:subtask", default);

        var get = _server.Requests.First();
        get.Method.Should().Be("GET");
        get.Path.Should().Be($"/api/v2/task/{FakeClickUpServer.ParentTaskId}");
    }

    [Fact]
    public async Task GetTask_Unknown_FailsNotFoundWithClickUpError()
    {
        var failure = (await FluentActions.Awaiting(() => Client.GetTaskAsync("nope", default)).Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.NotFound);
        failure.Message.Should().Contain("Task not found").And.Contain("ITEM_013");
    }

    [Fact]
    public async Task AnyCall_RefusedToken_FailsUnauthorized()
    {
        using var host = ConnectorTestHost.Create(Settings(_server.Url, "pk_revoked"));

        var failure = (await FluentActions.Awaiting(() => host.Connector<IClickUpClient>().GetTaskAsync(FakeClickUpServer.ParentTaskId, default))
            .Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.Unauthorized);
        failure.Message.Should().Contain("OAUTH_025");
    }

    [Fact]
    public async Task TooManyRequests_WithRateLimitReset_WaitsUntilTheResetTime()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeSeconds();
        _server.Script(new ScriptedResponse(429, FakeClickUpServer.Error("Rate limit reached", "APP_002"))
        {
            Headers = new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = "100",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });

        await Client.GetTaskAsync(FakeClickUpServer.ParentTaskId, default);

        _server.Requests.Should().HaveCount(2);
        _server.Requests.Last().At.Should().BeOnOrAfter(DateTimeOffset.FromUnixTimeSeconds(reset).AddMilliseconds(-50));
    }
}
