using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.EndToEnd;

/// <summary>The shipped demo workflows through the whole host: HTTP, the SQLite runtime and the demo activities.</summary>
public sealed class DemoWorkflowTests(EmbeddedHostFactory factory) : IClassFixture<EmbeddedHostFactory>
{
    private readonly HttpClient http = factory.CreateClient();

    [Fact]
    public async Task Health_RuntimeDatabaseAnswersAndWorkflowsLoaded_ReportsHealthyWithTheRuntimeCheck()
    {
        var health = await http.GetFromJsonAsync<JsonObject>("/api/health");

        health!["status"]!.GetValue<string>().Should().Be("Healthy");
        health["checks"]!["runtime"]!.ToJsonString().Should().Contain("Healthy").And.Contain("workflow(s) loaded");
    }

    [Fact]
    public async Task Hello_Started_CompletesWithGreetingAndTimeline()
    {
        var id = await StartAsync("hello", """{"name":"Ada"}""");

        var view = await WaitForStatusAsync(id, "Completed");

        view["output"]!["message"]!.GetValue<string>().Should().Be("Hello, Ada!");
        var timeline = view["timeline"]!.AsArray();
        timeline.Select(s => s!["stepId"]!.GetValue<string>()).Should().Equal("greet", "pause", "record");
        foreach (var step in timeline)
        {
            step!["status"]!.GetValue<string>().Should().Be("Completed");
            step["startedAt"].Should().NotBeNull();
            step["endedAt"].Should().NotBeNull();
        }

        timeline[0]!["attempts"]!.GetValue<int>().Should().Be(1);
        timeline[0]!["input"]!["name"]!.GetValue<string>().Should().Be("Ada");
        var ledger = await File.ReadAllTextAsync(Path.Combine(factory.DataFolder, "demo-ledger.jsonl"));
        ledger.Should().Contain(id);
    }

    [Fact]
    public async Task Hello_DryRun_ReachesTheActivityAndWritesNothing()
    {
        var id = await StartAsync("hello", """{"name":"Grace"}""", "?dryRun=true");

        var view = await WaitForStatusAsync(id, "Completed");

        view["dryRun"]!.GetValue<bool>().Should().BeTrue();
        var record = view["timeline"]!.AsArray().Single(s => s!["stepId"]!.GetValue<string>() == "record")!;
        record["output"]!["dryRun"]!.GetValue<bool>().Should().BeTrue();
        record["output"]!["wouldAppend"]!["instanceId"]!.GetValue<string>().Should().Be(id);
        var ledgerPath = Path.Combine(factory.DataFolder, "demo-ledger.jsonl");
        (File.Exists(ledgerPath) ? await File.ReadAllTextAsync(ledgerPath) : "").Should().NotContain(id);
    }

    [Fact]
    public async Task Hello_SameIdempotencyKey_ReturnsTheFirstInstance()
    {
        async Task<HttpResponseMessage> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/hello/instances") { Content = Json("""{"name":"Linus"}""") };
            request.Headers.Add("Idempotency-Key", "e2e-once");
            return await http.SendAsync(request);
        }

        var first = await Post();
        var second = await Post();

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.ReadJsonAsync())["instanceId"]!.GetValue<string>()
            .Should().Be((await first.ReadJsonAsync())["instanceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task HelloApproval_EventRaised_CompletesWithThePayload()
    {
        var id = await StartAsync("hello-approval", "{}");
        await WaitForStatusAsync(id, "Waiting");

        var raised = await http.PostAsync($"/api/instances/{id}/events/approve", Json("""{"name":"Barbara"}"""));

        raised.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var view = await WaitForStatusAsync(id, "Completed");
        view["output"]!["message"]!.GetValue<string>().Should().Be("Hello, Barbara!");
        (await http.PostAsync($"/api/instances/{id}/events/approve", Json("{}"))).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task HelloApproval_Terminated_EndsTerminatedAndCanBeDeleted()
    {
        var id = await StartAsync("hello-approval", "{}");
        await WaitForStatusAsync(id, "Waiting");

        (await http.PostAsync($"/api/instances/{id}/terminate?reason=test", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await WaitForStatusAsync(id, "Terminated");

        (await http.DeleteAsync($"/api/instances/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await http.GetAsync($"/api/instances/{id}")).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task Hello_NoName_FailsIntoTheDeadLettersAndCanBeReplayed()
    {
        var id = await StartAsync("hello", "{}");
        var view = await WaitForStatusAsync(id, "Failed");
        view["error"]!["kind"]!.GetValue<string>().Should().Be("Validation");

        var deadLetters = await http.GetFromJsonAsync<JsonObject>("/api/deadletters?workflowId=hello");
        var letter = deadLetters!["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == id)!;
        letter["stepId"]!.GetValue<string>().Should().Be("greet");
        letter["reason"]!.GetValue<string>().Should().Contain("input.name");

        (await http.PostAsync($"/api/instances/{id}/replay", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task ListInstances_ByWorkflowAndStatus_FindsOnlyThose()
    {
        var id = await StartAsync("hello", """{"name":"Edsger"}""");
        await WaitForStatusAsync(id, "Completed");

        var page = await http.GetFromJsonAsync<JsonObject>("/api/instances?workflowId=hello&status=Completed&limit=1000");

        var items = page!["items"]!.AsArray();
        items.Select(i => i!["instanceId"]!.GetValue<string>()).Should().Contain(id);
        items.Should().OnlyContain(i => i!["status"]!.GetValue<string>() == "Completed" && i["workflowId"]!.GetValue<string>() == "hello");
    }

    [Fact]
    public async Task Workflows_ListsTheShippedDemos()
    {
        var list = await http.GetFromJsonAsync<JsonObject>("/api/workflows");

        list!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Should().Contain(["hello", "hello-approval"]);
    }

    [Fact]
    public async Task UnknownRoute_AnswersProblemJson()
    {
        await (await http.GetAsync("/api/nothing-here")).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task UnknownWorkflow_Returns404()
    {
        await (await http.PostAsync("/api/workflows/missing/instances", Json("{}"))).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task Start_FormEncodedBody_Returns415ProblemJson()
    {
        var response = await http.PostAsync("/api/workflows/hello/instances",
            new StringContent("name=Ada", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.ShouldBeProblemAsync(415);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private async Task<string> StartAsync(string workflowId, string body, string query = "")
    {
        var response = await http.PostAsync($"/api/workflows/{workflowId}/instances{query}", Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["instanceId"]!.GetValue<string>();
    }

    private async Task<JsonObject> WaitForStatusAsync(string instanceId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var view = (await http.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
            if (view["status"]!.GetValue<string>() == status)
            {
                return view;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Instance {instanceId} is {view["status"]}, not {status}: {view.ToJsonString()}");
            }

            await Task.Delay(50);
        }
    }
}
