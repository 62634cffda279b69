using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Helpdesk.Replies;
using Spectre.Console;

namespace Serverless.Helpdesk.Cli;

/// <summary>
/// The batch: asks before a production run (the seed's rule: always ask how many), starts it in the host (or
/// resumes the unfinished one: the same command after a crash continues it), follows it with a live progress bar
/// (ETA, current ticket), then prints the summary table, in a dry run every write that would have been made, and
/// writes data/batch_results_&lt;timestamp&gt;.json. Exit 1 when a ticket failed.
/// </summary>
internal static class BatchCommand
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(400);

    public static async Task<int> RunAsync(HostApi api, BatchOptions options, CancellationToken ct)
    {
        var status = await api.StatusAsync(ct);
        var pending = status["pending"]?.GetValue<int>() ?? 0;
        var running = status["running_batch"]?.ToString();
        if (running is null && options.Ticket is null && pending == 0)
        {
            AnsiConsole.MarkupLine("Nothing pending. Run [bold]refresh[/] to read the open tickets from Zoho Desk.");
            return CliExit.Ok;
        }

        var planned = options.Ticket is not null ? 1 : Math.Min(options.Count, pending);
        if (running is null && !options.DryRun && !options.Yes)
        {
            Confirm(planned);
        }

        var start = await api.StartAsync(new JsonObject
        {
            ["count"] = options.Count,
            ["dry_run"] = options.DryRun,
            ["delay"] = options.Delay,
            ["ticket"] = options.Ticket,
            ["today"] = options.Today,
        }, ct);
        var batchId = start["batch_id"]!.ToString();
        var dryRun = start["dry_run"]?.GetValue<bool>() ?? options.DryRun;
        AnsiConsole.MarkupLine(start["resumed"]?.GetValue<bool>() == true
            ? $"Resuming the unfinished batch [bold]{Markup.Escape(batchId)}[/]{(dryRun ? " (dry run)" : "")}: its own count and delay apply."
            : $"Batch [bold]{Markup.Escape(batchId)}[/] started{(dryRun ? " as a [yellow]dry run[/]: nothing will be written" : "")}.");

        await FollowAsync(api, batchId, ct);
        var final = await api.BatchAsync(batchId, results: true, ct);
        var results = (final["results"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (dryRun)
        {
            WriteDryRun(results);
        }

        SummaryTable.Write($"Batch {batchId}", final["summary"] as JsonObject ?? [], dryRun);
        if (final["status"]?.ToString() is { } end && end != "Completed")
        {
            AnsiConsole.MarkupLine($"[red]The batch ended {Markup.Escape(end)}[/]: {Markup.Escape(final["error"]?.ToString() ?? "")}");
        }

        var file = await ExportCommand.WriteResultsAsync(".", final["started_at"]?.ToString(), final["results"], ct);
        AnsiConsole.MarkupLine($"Results: {Markup.Escape(file)}");
        var completed = final["status"]?.ToString() == "Completed";
        return !completed || (final["summary"]?["failed"]?.GetValue<int>() ?? 0) > 0 ? CliExit.Failures : CliExit.Ok;
    }

    private static void Confirm(int planned)
    {
        var question = string.Create(CultureInfo.InvariantCulture, $"Process {planned} ticket(s) in production (reply drafts in Zoho Desk, CRM updates)?");
        if (Console.IsInputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            throw new CliException($"{question} Nobody can answer here: pass --yes to confirm, or --dry-run to see what it would do.", CliExit.NotConfirmed);
        }

        if (!AnsiConsole.Confirm(question, defaultValue: false))
        {
            throw new CliException("Nothing done.", CliExit.NotConfirmed);
        }
    }

    private static async Task FollowAsync(HostApi api, string batchId, CancellationToken ct)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            await FollowAsLinesAsync(api, batchId, ct);
            return;
        }

        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Starting", maxValue: 1);
                while (true)
                {
                    var progress = await api.BatchAsync(batchId, results: false, ct);
                    task.MaxValue = Math.Max(1, progress["total"]?.GetValue<int>() ?? 1);
                    task.Value = progress["done"]?.GetValue<int>() ?? 0;
                    task.Description = Markup.Escape(Describe(progress));
                    if (progress["finished"]?.GetValue<bool>() == true)
                    {
                        task.Value = task.MaxValue;
                        task.StopTask();
                        return;
                    }

                    await Task.Delay(Poll, ct);
                }
            });
    }

    /// <summary>Output redirected (a log, a script): one line each time a ticket is done.</summary>
    private static async Task FollowAsLinesAsync(HostApi api, string batchId, CancellationToken ct)
    {
        var shown = -1;
        while (true)
        {
            var progress = await api.BatchAsync(batchId, results: false, ct);
            var done = progress["done"]?.GetValue<int>() ?? 0;
            if (done != shown)
            {
                Console.WriteLine(Describe(progress));
                shown = done;
            }

            if (progress["finished"]?.GetValue<bool>() == true)
            {
                return;
            }

            await Task.Delay(Poll, ct);
        }
    }

    private static string Describe(JsonObject progress)
    {
        var current = progress["current"] as JsonObject;
        var head = string.Create(CultureInfo.InvariantCulture, $"[{progress["done"]}/{progress["total"]}]");
        return current is null
            ? $"{head} {progress["status"]}"
            : $"{head} ticket {current["id"]} {HtmlText.Cut(current["subject"]?.ToString() ?? "", 40)}";
    }

    private static void WriteDryRun(IReadOnlyList<JsonObject> results)
    {
        AnsiConsole.MarkupLine("[yellow]Dry run: what the batch would have written (nothing was).[/]");
        foreach (var result in results)
        {
            var output = result["output"] as JsonObject ?? [];
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(result["ticket_id"]?.ToString() ?? "")}[/] {Markup.Escape(result["triage_action"]?.ToString() ?? result["stage"]?.ToString() ?? "")}"
                + (result["template_vars"]?["date_case"] is { } dateCase ? $" (CAS {dateCase})" : "")
                + (result["error"]?.ToString() is { Length: > 0 } error ? $" [red]{Markup.Escape(error)}[/]" : ""));
            if (output["draft_content"]?.ToString() is { } draft)
            {
                AnsiConsole.MarkupLine($"  draft to {Markup.Escape(result["input"]?["crm"]?["email"]?.ToString() ?? "the candidate")}: {Markup.Escape(HtmlText.Cut(HtmlText.OneLine(draft), 120))}");
            }

            if (output["crm_updates"] is JsonObject { Count: > 0 } updates)
            {
                AnsiConsole.MarkupLine($"  CRM deal {Markup.Escape(result["deal_id"]?.ToString() ?? "")}: {Markup.Escape(string.Join(", ", updates.Select(u => $"{u.Key} = {u.Value}")))}");
            }

            if (output["note_content"]?.ToString() is { } note)
            {
                AnsiConsole.MarkupLine($"  note: {Markup.Escape(HtmlText.Cut(HtmlText.OneLine(note), 120))}");
            }

            if (output["route"] is JsonObject route)
            {
                AnsiConsole.MarkupLine($"  move to {Markup.Escape(route["department"]?.ToString() ?? "")}: {Markup.Escape(route["reason"]?.ToString() ?? "")}");
            }
        }
    }
}
