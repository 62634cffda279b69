using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Serverless.Host.Tests.Support;
using Xunit.Abstractions;

namespace Serverless.Host.Tests.Crm;

/// <summary>Seed 002's "Tests manuels API" and "Comment utiliser" curl sequences, as written
/// (docs/examples/crm-seed-curl.sh), run with curl against the embedded host started as a real process on a fresh
/// data folder (its defaults: demo CRM, sandbox connectors).</summary>
public sealed partial class SeedCurlSequenceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheSeedsCurlSequence_WorksAsWritten_AndTheExecutionSucceeds()
    {
        using var data = new TempFolder();
        await using var host = HostProcess.Start(data.Path, HostProcess.FreePort());
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(90));

        var transcript = await RunScriptAsync($"http://127.0.0.1:{host.Port}");
        output.WriteLine(transcript);
        var steps = Steps(transcript);

        steps.Select(s => s.Status).Should().Equal([200, 201, 200, 202, 200, 200, 201], "each call of the seed's sequence answers as the seed expects");
        steps[0].Body["items"]!.AsArray().Should().BeEmpty("a fresh host has no workflow yet");
        steps[1].Body["id"]!.GetValue<long>().Should().Be(1, "the seed's next calls address the workflow created from the template as 1");
        steps[1].Body["name"]!.ToString().Should().Contain("inactif");
        steps[2].Body["status"]!.ToString().Should().Be("ACTIVE");
        steps[3].Body["status"]!.ToString().Should().BeOneOf("PENDING", "RUNNING", "SUCCESS");
        steps[4].Body["items"]!.AsArray().Should().ContainSingle();
        steps[6].Body["id"]!.GetValue<long>().Should().Be(2);
        steps[6].Body["trigger_type"]!.ToString().Should().Be("organisation_created");

        var execution = await WaitFinishedAsync(host.Http, steps[3].Body["id"]!.ToString());
        execution["status"]!.ToString().Should().Be("SUCCESS", "organisation 1 is in PROPOSITION: the template's condition holds; {0}", execution);
        execution["actions_executed"]!.AsArray().Select(a => a!["type"]!.ToString()).Should().Equal(["send_email", "create_task", "send_notification"]);
        execution["actions_executed"]!.AsArray().Select(a => a!["status"]!.ToString()).Should().AllBe("SUCCESS");
        execution["trigger_entity_id"]!.GetValue<long>().Should().Be(1);

        var stats = await host.Http.GetFromJsonAsync<JsonObject>("/api/v1/workflows/1/stats");
        stats!["total_executions"]!.GetValue<int>().Should().Be(1);
        stats["success_count"]!.GetValue<int>().Should().Be(1);
        stats["success_rate"]!.GetValue<double>().Should().Be(100.0);
        stats["avg_duration_seconds"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(0);
        stats["last_execution"]!.ToString().Should().NotBeNullOrEmpty();

        var workflow = await host.Http.GetFromJsonAsync<JsonObject>("/api/v1/workflows/1");
        workflow!["execution_count"]!.GetValue<long>().Should().Be(1);
    }

    private static async Task<JsonObject> WaitFinishedAsync(HttpClient http, string executionId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var execution = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/workflows/1/executions/{executionId}"))!;
            if (execution["status"]!.ToString() is "SUCCESS" or "FAILED" or "SKIPPED" || DateTime.UtcNow > deadline)
            {
                return execution;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<string> RunScriptAsync(string baseUrl)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "docs", "examples", "crm-seed-curl.sh"));
        start.Environment["BASE"] = baseUrl;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        process.ExitCode.Should().Be(0, await stderr);
        return await stdout;
    }

    private static List<(string Title, int Status, JsonObject Body)> Steps(string transcript) =>
        [.. transcript.Split("### ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0).Select(section =>
        {
            var lines = section.Trim().Split('\n');
            var status = int.Parse(StatusLine().Match(section).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var body = string.Join('\n', lines.Skip(1).Where(l => !l.StartsWith("HTTP ", StringComparison.Ordinal)));
            return (lines[0], status, JsonNode.Parse(body)!.AsObject());
        })];

    [GeneratedRegex(@"HTTP (\d{3})")]
    private static partial Regex StatusLine();
}
