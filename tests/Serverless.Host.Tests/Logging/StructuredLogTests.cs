using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Logging;

/// <summary>The real host's console output: one JSON object per line, and every line about a step carries the
/// instance id, workflow id, step id and duration as properties a log store can index. Secrets set in settings
/// never appear in it.</summary>
public sealed class StructuredLogTests
{
    private const string Secret = "cu-secret-token-4f1d2a";

    [Fact]
    public async Task StepLines_AreJsonWithInstanceWorkflowStepAndDuration_AndSecretsNeverAppear()
    {
        using var data = new TempFolder();
        await using var host = HostProcess.Start(data.Path, HostProcess.FreePort(), [$"--Connectors:ClickUp:ApiToken={Secret}"]);
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));

        using var started = await host.Http.PostAsJsonAsync("/api/workflows/hello/instances", new { name = "Ada" });
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        JsonObject? greet = null;
        for (var i = 0; i < 100 && greet is null; i++)
        {
            await Task.Delay(100);
            greet = JsonLines(host.Output).FirstOrDefault(l =>
                l["State"]?["InstanceId"]?.GetValue<string>() == id && l["State"]?["StepId"]?.GetValue<string>() == "greet");
        }

        greet.Should().NotBeNull("a JSON line about step greet of {0} is written", id);
        var state = greet!["State"]!;
        state["WorkflowId"]!.GetValue<string>().Should().Be("hello");
        state["DurationMs"].Should().NotBeNull();
        greet["Timestamp"].Should().NotBeNull();
        greet["LogLevel"]!.GetValue<string>().Should().Be("Information");
        host.Output.Should().NotContain(Secret);
    }

    [Fact]
    public async Task ApprovalLinkRequests_NeverLogTheToken_AndAreLoggedOnceWithTheRedactedPath()
    {
        const string Token = "a1.eyJpIjoiaW5zdC00MiIsImciOiJyZXZpZXcifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi0wMTIzNDU2Nzg5";
        using var data = new TempFolder();
        await using var host = HostProcess.Start(data.Path, HostProcess.FreePort());
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));

        (await host.Http.GetAsync($"/api/approvals/{Token}")).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        JsonObject? line = null;
        for (var i = 0; i < 50 && line is null; i++)
        {
            await Task.Delay(100);
            line = JsonLines(host.Output).FirstOrDefault(l => l["State"]?["Path"]?.GetValue<string>() == "/api/approvals/[redacted]");
        }

        line.Should().NotBeNull("the request is logged with its path redacted");
        line!["State"]!["StatusCode"]!.GetValue<int>().Should().Be(403);
        host.Output.Should().NotContain(Token[3..40]);
    }

    private static List<JsonObject> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonNode.Parse(l) as JsonObject)
            .OfType<JsonObject>()
            .ToList();
}
