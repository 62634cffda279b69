using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Serverless.Bench.ConsolePage;

/// <summary>GET /api/instances?limit=50 per filter, timed from the request to the last byte of the body, and each
/// answer checked: every item matches the filter, newest first, a full page when the filter matches more.</summary>
internal sealed class ApiBenchmark(HttpClient http, BenchOptions options, StoreCounts store, DateTimeOffset now)
{
    public const int PageSize = 50;

    public List<string> Failures { get; } = [];

    public async Task<List<Timings>> RunAsync(SeedResult seed)
    {
        var from = now - TimeSpan.FromDays(11);
        var to = now - TimeSpan.FromDays(10);
        var window = $"created_at >= {from.ToUnixTimeMilliseconds()} AND created_at <= {to.ToUnixTimeMilliseconds()}";
        var rows = new List<Timings>
        {
            await CaseAsync("first page, no filter", "", "1", _ => true),
            await CaseAsync("second page (continuation token)", "&continuationToken=" + Uri.EscapeDataString(await TokenAsync()), "1", _ => true),
            await CaseAsync("workflowId=request-handler (~40 %)", "&workflowId=request-handler", "workflow_id = 'request-handler'",
                i => Text(i, "workflowId") == "request-handler"),
            await CaseAsync("workflowId=hello-approval (~1 %)", "&workflowId=hello-approval", "workflow_id = 'hello-approval'",
                i => Text(i, "workflowId") == "hello-approval"),
            await CaseAsync("status=Failed (~6 %)", "&status=Failed", "status = 'Failed'", i => Text(i, "status") == "Failed"),
            await CaseAsync("hello-approval + Failed (~0.06 %)", "&workflowId=hello-approval&status=Failed",
                "workflow_id = 'hello-approval' AND status = 'Failed'", i => Text(i, "workflowId") == "hello-approval" && Text(i, "status") == "Failed"),
            await CaseAsync("created in one day, 10-11 days ago", $"&createdFrom={Iso(from)}&createdTo={Iso(to)}", window,
                i => Created(i) >= from && Created(i) <= to),
            await CaseAsync("dryRun=true (~10 %)", "&dryRun=true", "dry_run = 1", i => i.GetProperty("dryRun").GetBoolean()),
        };
        rows.Add(await InstanceCaseAsync(seed));
        return rows;
    }

    /// <param name="storeWhere">The same filter in SQL, counted straight from the file: how many items a page must hold.</param>
    private async Task<Timings> CaseAsync(string name, string filter, string storeWhere, Func<JsonElement, bool> matches)
    {
        var url = $"api/instances?limit={PageSize}{filter}";
        var expected = (int)Math.Min(PageSize, store.Count(storeWhere));
        var timings = new Timings(name);
        for (var run = 0; run < options.Warmup + options.Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            clock.Stop();
            if (response.StatusCode == HttpStatusCode.BadRequest && filter.Contains("dryRun", StringComparison.Ordinal))
            {
                timings.Note = "skipped: the API answers 400 (no dryRun filter)";
                return timings;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                Failures.Add($"{name}: HTTP {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
                return timings;
            }

            if (run >= options.Warmup)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }

            if (run == 0)
            {
                timings.Note = Check(name, body, expected, matches, filter.Contains("dryRun", StringComparison.Ordinal));
            }
        }

        return timings;
    }

    private string? Check(string name, string body, int expected, Func<JsonElement, bool> matches, bool mayBeIgnored)
    {
        using var json = JsonDocument.Parse(body);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        var created = items.Select(Created).ToList();
        if (mayBeIgnored && !items.All(matches))
        {
            return "NOT FILTERED: the API ignores dryRun on this build (timed anyway)";
        }

        if (items.Count != expected || !items.All(matches) || created.Zip(created.Skip(1)).Any(p => p.First < p.Second))
        {
            Failures.Add($"{name}: {items.Count} items (expected {expected}), {items.Count(i => !matches(i))} not matching the filter, or not newest first");
        }

        return $"{items.Count} items, {body.Length / 1024.0:0.0} KiB";
    }

    private async Task<Timings> InstanceCaseAsync(SeedResult seed)
    {
        var timings = new Timings("GET /api/instances/{id}, one per status");
        foreach (var (status, id) in seed.SampleIds)
        {
            for (var run = 0; run < options.Warmup + options.Runs; run++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync($"api/instances/{id}");
                var body = await response.Content.ReadAsStringAsync();
                clock.Stop();
                if (run >= options.Warmup)
                {
                    timings.Add(clock.Elapsed.TotalMilliseconds);
                }

                if (run == 0 && (response.StatusCode != HttpStatusCode.OK || StatusOf(body) != status.ToString()))
                {
                    Failures.Add($"GET /api/instances/{id} ({status}): HTTP {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
                    return timings;
                }
            }
        }

        timings.Note = $"{seed.SampleIds.Count} instances, each status read back from its state";
        return timings;
    }

    private async Task<string> TokenAsync()
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync($"api/instances?limit={PageSize}"));
        return json.RootElement.GetProperty("continuationToken").GetString()
            ?? throw new InvalidOperationException("The first page has no continuation token.");
    }

    private static string? StatusOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return Text(json.RootElement, "status");
    }

    private static string? Text(JsonElement item, string name) => item.GetProperty(name).GetString();

    private static DateTimeOffset Created(JsonElement item) => item.GetProperty("createdAt").GetDateTimeOffset();

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
