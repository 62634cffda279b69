using Microsoft.Extensions.Options;
using Serverless.Connectors.Llm;
using Serverless.Connectors.Zoho;
using Serverless.Helpdesk.Replies;
using Serverless.Helpdesk.Rules;

namespace Serverless.Helpdesk;

/// <summary>Checks "Helpdesk" at start, and with it the rules files and the reply templates: a broken rule, a
/// template naming a variable the triage never gives, a route to a department without an id while Zoho is
/// configured: the host does not start, and the message names the file and line or the setting.</summary>
internal sealed class HelpdeskOptionsValidator(IOptions<ZohoOptions> zoho) : IValidateOptions<HelpdeskOptions>
{
    public ValidateOptionsResult Validate(string? name, HelpdeskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = HelpdeskOptions.SectionName;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DepartmentId))
        {
            problems.Add($"{s}:DepartmentId must be the Zoho Desk department id of the backlog.");
        }

        if (options.PageSize is < 1 or > 100)
        {
            problems.Add($"{s}:PageSize must be 1 to 100 (Zoho Desk's maximum), not {options.PageSize}.");
        }

        if (!options.FromEmailAddress.Contains('@', StringComparison.Ordinal))
        {
            problems.Add($"{s}:FromEmailAddress must be an email address, not '{options.FromEmailAddress}'.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            problems.Add($"{s}:TimeZone '{options.TimeZone}' is not a time zone (use an IANA id such as Europe/Paris).");
        }

        if (options.Schedule.Cron is { Length: > 0 } && options.Schedule.Count is < 1 or > Api.HelpdeskHandlers.MaxCount)
        {
            problems.Add($"{s}:Schedule:Count must be 1 to {Api.HelpdeskHandlers.MaxCount}.");
        }

        problems.AddRange(LlmOptionsChecks.Problems(options.Llm, Intents.HelpdeskLlmIntents.SectionName));
        try
        {
            var rules = new HelpdeskRules(Options.Create(options));
            _ = ReplyTemplates.Load(options.TemplatesFolder, rules);
            if (zoho.Value.IsConfigured)
            {
                problems.AddRange(rules.Triage.Routes.Select(r => r.Department).Distinct(StringComparer.OrdinalIgnoreCase)
                    .Where(d => !options.Departments.ContainsKey(d))
                    .Select(d => $"{s}:Departments:{d} must give the Zoho Desk department id of the route '{d}' (rules/helpdesk/triage.json) while Connectors:Zoho is configured."));
            }
        }
        catch (RulesException e)
        {
            problems.Add(e.Message);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
