using Microsoft.Extensions.Options;
using Serverless.Helpdesk.Replies;
using Serverless.Helpdesk.Rules;
using Spectre.Console;

namespace Serverless.Helpdesk.Cli;

/// <summary>check: reads the rules files and every reply template as the host does at start, and prints each
/// problem with its file and line (exit 1), or what was checked (exit 0).</summary>
internal static class CheckCommand
{
    public static int Run(string rulesFolder, string templatesFolder)
    {
        try
        {
            var rules = new HelpdeskRules(Options.Create(new HelpdeskOptions { RulesFolder = rulesFolder, TemplatesFolder = templatesFolder }));
            var templates = ReplyTemplates.Load(templatesFolder, rules);
            AnsiConsole.MarkupLine($"OK: {rules.DateCases.Cases.Count} date cases, {rules.Triage.Routes.Count} routes, {rules.Triage.Actions.Count} actions, {rules.Intents.Labels.Count} intents, {templates.Count} templates ({Markup.Escape(string.Join(", ", templates.Keys))}).");
            return CliExit.Ok;
        }
        catch (RulesException e)
        {
            Console.Error.WriteLine(e.Message);
            return CliExit.Failures;
        }
    }
}
