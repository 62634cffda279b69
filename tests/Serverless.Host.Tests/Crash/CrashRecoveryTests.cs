using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Support;
using Xunit.Abstractions;

namespace Serverless.Host.Tests.Crash;

/// <summary>Issue 3's crash test: kill -9 the real host mid-load, start it again on the same data folder, and every
/// instance finishes once, with each step's side effect made under one idempotency key.</summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Instances = 40;
    private static readonly string[] Args = ["--Runtime:ActivityWorkers=4", "--Runtime:PollInterval=00:00:00.200"];

    [Fact]
    public async Task KillMidLoad_Restart_EveryInstanceCompletesAndNoSideEffectUsesASecondKey()
    {
        using var data = new TempFolder();
        var ledger = data.File("demo-ledger.jsonl");
        var ids = new Dictionary<string, string>();

        await using (var first = HostProcess.Start(data.Path, HostProcess.FreePort(), Args))
        {
            await first.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            for (var i = 0; i < Instances; i++)
            {
                ids[Key(i)] = await StartAsync(first.Http, i, HttpStatusCode.Accepted);
            }

            await WaitUntilAsync(() => LedgerLines(ledger).Count >= Instances / 4, TimeSpan.FromSeconds(60), "a quarter of the records");
            var completedBeforeCrash = await CountCompletedAsync(first.Http);
            first.Kill();
            output.WriteLine($"killed with {completedBeforeCrash}/{Instances} completed and {LedgerLines(ledger).Count} ledger lines");
            completedBeforeCrash.Should().BeLessThan(Instances, "the kill must land mid-load for the test to mean anything");
        }

        await using var second = HostProcess.Start(data.Path, HostProcess.FreePort(), Args);
        await second.WaitHealthyAsync(TimeSpan.FromSeconds(60));

        (await StartAsync(second.Http, 0, HttpStatusCode.OK)).Should().Be(ids[Key(0)], "an idempotency key survives the crash");
        await WaitUntilAsync(async () => await CountCompletedAsync(second.Http) == Instances, TimeSpan.FromSeconds(120), "every instance Completed");

        var lines = LedgerLines(ledger);
        foreach (var instanceId in ids.Values)
        {
            var view = await second.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}");
            view!["status"]!.GetValue<string>().Should().Be("Completed");
            var steps = view["timeline"]!.AsArray().Select(s => s!["key"]!.GetValue<string>()).ToList();
            steps.Should().Equal(["greet", "pause", "record"], "each step is applied once: {0}", instanceId);
            var record = view["timeline"]![2]!;
            var key = record["output"]!["idempotencyKey"]!.GetValue<string>();

            var mine = lines.Where(l => l["instanceId"]!.GetValue<string>() == instanceId).ToList();
            mine.Should().NotBeEmpty("the record step of {0} ran", instanceId);
            mine.Select(l => l["idempotencyKey"]!.GetValue<string>()).Distinct().Should().Equal([key],
                "a re-run after the crash reuses the key of {0}", instanceId);
            mine.Select(l => l["stepKey"]!.GetValue<string>()).Distinct().Should().Equal(["record"]);
        }

        lines.Select(l => l["instanceId"]!.GetValue<string>()).Distinct().Should().HaveCount(Instances);
        lines.Count.Should().BeGreaterThan(Instances,
            "records in flight at the kill (written, not yet reported) run again after the restart, under the same key");
        output.WriteLine($"{lines.Count} ledger lines for {Instances} instances ({lines.Count - Instances} re-runs after the crash)");
    }

    private static string Key(int i) => $"crash-{i}";

    private static async Task<string> StartAsync(HttpClient http, int i, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/hello/instances")
        {
            Content = JsonContent.Create(new { name = $"guest {i}", delayMs = 400 }),
        };
        request.Headers.Add("Idempotency-Key", Key(i));
        using var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["instanceId"]!.GetValue<string>();
    }

    private static async Task<int> CountCompletedAsync(HttpClient http)
    {
        var page = await http.GetFromJsonAsync<JsonObject>("/api/instances?workflowId=hello&status=Completed&limit=1000");
        return page!["items"]!.AsArray().Count;
    }

    private static List<JsonObject> LedgerLines(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<JsonObject>();
        while (reader.ReadLine() is { } line)
        {
            // A kill can cut the last line short; a torn line is not a completed side effect.
            if (line.EndsWith('}'))
            {
                lines.Add(JsonNode.Parse(line)!.AsObject());
            }
        }

        return lines;
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
