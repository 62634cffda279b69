using System.CommandLine;
using Spectre.Console;

namespace Serverless.Helpdesk.Cli;

/// <summary>The seed's commands with the same names and defaults: --status/-s, --count/-n 10, --dry-run/-d,
/// --ticket/-t ID, --delay 2.0; plus refresh, export and check, --yes for scripts, --url / --api-key for the host.</summary>
internal static class HelpdeskCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Option<string>("--url") { Description = "The host (HELPDESK_URL; default http://localhost:7071).", Recursive = true, DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HELPDESK_URL") ?? "http://localhost:7071" };
        var apiKey = new Option<string?>("--api-key") { Description = "Management API key (HELPDESK_API_KEY); not needed on this machine's embedded host.", Recursive = true, DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HELPDESK_API_KEY") };
        var status = new Option<bool>("--status", "-s") { Description = "Pending and processed counts, processed split by outcome." };
        var count = new Option<int>("--count", "-n") { Description = "How many tickets to process, newest first.", DefaultValueFactory = _ => 10 };
        var dryRun = new Option<bool>("--dry-run", "-d") { Description = "Show every write (drafts, CRM fields, notes) and make none." };
        var ticket = new Option<string?>("--ticket", "-t") { Description = "Process (or reprocess) this one ticket." };
        var delay = new Option<double>("--delay") { Description = "Seconds between tickets (Zoho's rate limit).", DefaultValueFactory = _ => 2.0 };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask before a production batch (for scripts)." };
        var today = new Option<string?>("--today") { Description = "Apply the date rules as of this day (yyyy-MM-dd).", Hidden = true };
        var output = new Option<string>("--out") { Description = "Folder the export files go to.", DefaultValueFactory = _ => "." };
        var rules = new Option<string>("--rules") { Description = "Rules folder.", DefaultValueFactory = _ => "rules/helpdesk" };
        var templates = new Option<string>("--templates") { Description = "Templates folder.", DefaultValueFactory = _ => "templates/helpdesk" };

        var root = new RootCommand("Helpdesk ticket batch (seed 001): triage a Zoho Desk backlog into reply drafts and CRM updates.");
        foreach (var option in new Option[] { url, apiKey, status, count, dryRun, ticket, delay, yes, today })
        {
            root.Options.Add(option);
        }

        root.SetAction((parse, ct) => Guard(async () =>
        {
            using var api = HostApi.Create(parse.GetValue(url)!, parse.GetValue(apiKey));
            if (parse.GetValue(status))
            {
                return await StatusCommand.RunAsync(api, ct);
            }

            var request = new BatchOptions(parse.GetValue(count), parse.GetValue(dryRun), parse.GetValue(delay), parse.GetValue(ticket), parse.GetValue(yes), parse.GetValue(today));
            return await BatchCommand.RunAsync(api, request, ct);
        }));

        var refresh = new Command("refresh", "Rebuild the pending list from Zoho Desk (the department's Open tickets, pages of 100, newest first).");
        refresh.SetAction((parse, ct) => Guard(async () =>
        {
            using var api = HostApi.Create(parse.GetValue(url)!, parse.GetValue(apiKey));
            return await RefreshCommand.RunAsync(api, ct);
        }));
        root.Subcommands.Add(refresh);

        var export = new Command("export", "Write doc_tickets_pending.json, doc_tickets_processed.json and data/batch_results_<timestamp>.json for each batch.");
        export.Options.Add(output);
        export.SetAction((parse, ct) => Guard(async () =>
        {
            using var api = HostApi.Create(parse.GetValue(url)!, parse.GetValue(apiKey));
            return await ExportCommand.RunAsync(api, parse.GetValue(output)!, ct);
        }));
        root.Subcommands.Add(export);

        var check = new Command("check", "Check the rules files and the reply templates (no host needed): every problem with its file and line.");
        check.Options.Add(rules);
        check.Options.Add(templates);
        check.SetAction(parse => CheckCommand.Run(parse.GetValue(rules)!, parse.GetValue(templates)!));
        root.Subcommands.Add(check);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            return CliExit.Usage;
        }

        return await parsed.InvokeAsync();
    }

    private static async Task<int> Guard(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (CliException e)
        {
            AnsiConsole.Console.Profile.Out.Writer.Flush();
            await Console.Error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Stopped watching. The batch goes on in the host: run the same command again to follow it.");
            return CliExit.Ok;
        }
    }
}

/// <summary>The batch flags as given.</summary>
internal sealed record BatchOptions(int Count, bool DryRun, double Delay, string? Ticket, bool Yes, string? Today);
