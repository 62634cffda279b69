using Microsoft.Extensions.Options;

namespace Serverless.Helpdesk.Rules;

/// <summary>The three rules files of Helpdesk:RulesFolder, read once (the validator reads them at start, so a
/// broken file stops the host naming it instead of failing tickets).</summary>
public sealed class HelpdeskRules(IOptions<HelpdeskOptions> options)
{
    private readonly Lazy<(DateCaseRules Dates, TriageRules Triage, IntentRules Intents)> _rules = new(() => Read(options.Value.RulesFolder));

    public DateCaseRules DateCases => _rules.Value.Dates;

    public TriageRules Triage => _rules.Value.Triage;

    public IntentRules Intents => _rules.Value.Intents;

    /// <summary>Reads every file and reports every problem of all three together.</summary>
    public static (DateCaseRules Dates, TriageRules Triage, IntentRules Intents) Read(string folder)
    {
        var problems = new List<string>();
        var dates = Try(() => DateCaseRules.Load(folder), problems);
        var triage = Try(() => TriageRules.Load(folder), problems);
        var intents = Try(() => IntentRules.Load(folder), problems);
        return problems.Count > 0 ? throw new RulesException(string.Join(Environment.NewLine, problems)) : (dates!, triage!, intents!);
    }

    private static T? Try<T>(Func<T> load, List<string> problems)
        where T : class
    {
        try
        {
            return load();
        }
        catch (RulesException e)
        {
            problems.Add(e.Message);
            return null;
        }
    }
}
