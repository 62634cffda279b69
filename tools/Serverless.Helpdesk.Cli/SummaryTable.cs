using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Serverless.Helpdesk.Cli;

/// <summary>The seed's "Répartition par Action" table: one row per triage action, the failures, then the success
/// rate and the drafts made.</summary>
internal static class SummaryTable
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [TriageActions.Go] = "Complete workflow, draft created",
        [TriageActions.Route] = "Routed to another department",
        [TriageActions.NeedsClarification] = "Candidate not found, clarification asked",
        [TriageActions.DuplicateUber] = "Repeated Uber 20 € offer",
        [TriageActions.StoppedExamDatePassed] = "Exam date passed: note for a human, no CRM update",
    };

    public static void Write(string title, JsonObject summary, bool dryRun)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("Action").AddColumn(new TableColumn("Count").RightAligned()).AddColumn("Description");
        var byAction = summary["by_action"] as JsonObject ?? [];
        foreach (var action in TriageActions.All)
        {
            table.AddRow(action, Number(byAction[action]), Descriptions[action]);
        }

        table.AddRow("[red]FAILED[/]", Number(summary["failed"]), "Recorded with the reason; the ticket stays pending");
        AnsiConsole.Write(table);
        var rate = summary["success_rate"]?.GetValue<double>() ?? 0;
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Processed: [bold]{0}[/]   Success rate: [bold]{1:0.#} %[/]   Drafts {2}: [bold]{3}[/]",
            Number(summary["total"]), rate, dryRun ? "that would be made" : "created", Number(summary["drafts_created"]));
    }

    private static string Number(JsonNode? node) => node?.GetValue<int>().ToString(CultureInfo.InvariantCulture) ?? "0";
}
