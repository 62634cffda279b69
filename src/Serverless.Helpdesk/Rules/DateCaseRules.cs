using System.Text.Json.Nodes;
using Serverless.Engine.Expressions;

namespace Serverless.Helpdesk.Rules;

/// <summary>What a date case does to the workflow: nothing special, stop it for a human (CAS 2 and 7), or move the
/// candidate to the next exam date (CAS 8).</summary>
public static class DateCaseEffects
{
    public const string None = "none";
    public const string Stop = "stop";
    public const string Reschedule = "reschedule";
    public static readonly IReadOnlyList<string> All = [None, Stop, Reschedule];
}

/// <summary>One row of rules/helpdesk/date-cases.json.</summary>
public sealed record DateCase(int Case, string Label, Condition When, string Effect, JsonObject Vars);

/// <summary>The date cases, tried in file order; the first whose condition holds is the candidate's case. The
/// conditions read exam.hasDate, exam.daysUntil, exam.closingDaysUntil (negative once passed), evalbox and stage.</summary>
public sealed class DateCaseRules(IReadOnlyList<DateCase> cases)
{
    public const string FileName = "date-cases.json";

    public IReadOnlyList<DateCase> Cases => cases;

    public DateCase? Match(JsonObject facts, DateTimeOffset now)
    {
        var scope = new ObjectScope(facts);
        return cases.FirstOrDefault(c => Conditions.Evaluate(c.When, scope, now));
    }

    internal static DateCaseRules Load(string folder)
    {
        var file = RulesFile.Load(folder, FileName);
        var cases = new List<DateCase>();
        var array = file.Array(file.Root, "$", "cases");
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"$.cases[{i}]";
            if (array[i] is not JsonObject row)
            {
                file.Problem(path, "must be an object.");
                continue;
            }

            var number = row["case"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
            if (number is < 1 or > 99)
            {
                file.Problem($"{path}.case", "must be the case number (1, 2, ...).");
            }

            var label = file.Text(row, path, "label");
            var when = file.Condition(row, path, "when");
            var effect = file.Text(row, path, "effect", required: false) ?? DateCaseEffects.None;
            if (!DateCaseEffects.All.Contains(effect))
            {
                file.Problem($"{path}.effect", $"'{effect}' is not an effect; use one of {string.Join(", ", DateCaseEffects.All)}.");
            }

            var vars = row["vars"] as JsonObject ?? [];
            if (label is not null && when is not null)
            {
                cases.Add(new DateCase(number, label, when, effect, (JsonObject)vars.DeepClone()));
            }
        }

        if (array.Count == 0)
        {
            file.Problem("$.cases", "needs at least one case.");
        }

        file.ThrowIfProblems();
        return new DateCaseRules(cases);
    }
}
