using System.Text.Json.Nodes;
using Spectre.Console;

namespace Serverless.Helpdesk.Cli;

/// <summary>--status: the pending and processed counts, the processed split by outcome, failures with their reason.</summary>
internal static class StatusCommand
{
    public static async Task<int> RunAsync(HostApi api, CancellationToken ct)
    {
        var status = await api.StatusAsync(ct);
        AnsiConsole.MarkupLine($"Pending: [bold]{status["pending"]}[/]   Processed: [bold]{status["processed"]}[/]");
        if (status["running_batch"]?.ToString() is { } running)
        {
            AnsiConsole.MarkupLine($"A batch is running: [bold]{Markup.Escape(running)}[/] (run the batch command again to follow it).");
        }

        SummaryTable.Write("Processed tickets by action", status["summary"] as JsonObject ?? [], dryRun: false);
        foreach (var failure in (status["failures"] as JsonArray ?? []).OfType<JsonObject>())
        {
            AnsiConsole.MarkupLine($"[red]failed[/] {Markup.Escape(failure["id"]?.ToString() ?? "")}: {Markup.Escape(failure["error"]?.ToString() ?? "")}");
        }

        return CliExit.Ok;
    }
}
