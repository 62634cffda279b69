using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Serverless.Helpdesk.Cli;

/// <summary>export: the seed's files, doc_tickets_pending.json, doc_tickets_processed.json and, per batch,
/// data/batch_results_&lt;yyyyMMdd_HHmmss&gt;.json (the v3 results).</summary>
internal static class ExportCommand
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(HostApi api, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var export = await api.ExportAsync(ct);
        await WriteAsync(Path.Combine(folder, "doc_tickets_pending.json"), export["pending"], ct);
        await WriteAsync(Path.Combine(folder, "doc_tickets_processed.json"), export["processed"], ct);
        var written = 0;
        var batches = await api.BatchListAsync(ct);
        foreach (var batch in (batches["batches"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = batch["batch_id"]!.ToString();
            var progress = await api.BatchAsync(id, results: true, ct);
            await WriteResultsAsync(folder, progress["started_at"]?.ToString(), progress["results"], ct);
            written++;
        }

        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Wrote {0} pending, {1} processed and {2} batch result file(s) to {3}.",
            (export["pending"] as JsonArray)?.Count ?? 0, (export["processed"] as JsonArray)?.Count ?? 0, written, Markup.Escape(Path.GetFullPath(folder)));
        return CliExit.Ok;
    }

    /// <summary>data/batch_results_&lt;yyyyMMdd_HHmmss&gt;.json, from the batch's start (UTC), as the seed named them.</summary>
    public static async Task<string> WriteResultsAsync(string folder, string? startedAt, JsonNode? results, CancellationToken ct)
    {
        var started = DateTimeOffset.TryParse(startedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.UtcNow;
        var stamp = started.UtcDateTime.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        var path = Path.Combine(data, $"batch_results_{stamp}.json");
        await WriteAsync(path, results ?? new JsonArray(), ct);
        return path;
    }

    private static Task WriteAsync(string path, JsonNode? node, CancellationToken ct) =>
        File.WriteAllTextAsync(path, (node ?? new JsonArray()).ToJsonString(Indented) + "\n", ct);
}
