using System.Text.Json.Nodes;
using Serverless.Engine.Expressions;

namespace Serverless.Helpdesk.Rules;

/// <summary>A route to another department: when its condition holds, the ticket is moved there with the reason.</summary>
public sealed record RouteRule(string Department, string Reason, Condition When);

/// <summary>One row of the ordered triage actions: the first whose condition holds decides.</summary>
public sealed record ActionRule(string Action, Condition When);

/// <summary>How evalbox values map to the template's state_id / state_name.</summary>
public sealed record EvalboxState(string StateId, string StateName);

/// <summary>rules/helpdesk/triage.json: the routes, the ordered actions (GO, ROUTE, NEEDS_CLARIFICATION,
/// DUPLICATE_UBER, STOPPED_EXAM_DATE_PASSED), the evalbox states and the Uber 20 € offer's deal amount.</summary>
public sealed class TriageRules(IReadOnlyList<RouteRule> routes, IReadOnlyList<ActionRule> actions,
    IReadOnlyDictionary<string, EvalboxState> states, decimal uberAmount)
{
    public const string FileName = "triage.json";

    public IReadOnlyList<RouteRule> Routes => routes;

    public IReadOnlyList<ActionRule> Actions => actions;

    public decimal UberAmount => uberAmount;

    public EvalboxState StateOf(string? evalbox) =>
        evalbox is not null && states.TryGetValue(evalbox, out var state) ? state : new EvalboxState("UNKNOWN", evalbox ?? "");

    public RouteRule? MatchRoute(JsonObject facts, DateTimeOffset now)
    {
        var scope = new ObjectScope(facts);
        return routes.FirstOrDefault(r => Conditions.Evaluate(r.When, scope, now));
    }

    public string? MatchAction(JsonObject facts, DateTimeOffset now)
    {
        var scope = new ObjectScope(facts);
        return actions.FirstOrDefault(a => Conditions.Evaluate(a.When, scope, now))?.Action;
    }

    internal static TriageRules Load(string folder)
    {
        var file = RulesFile.Load(folder, FileName);
        var routes = new List<RouteRule>();
        var routeArray = file.Array(file.Root, "$", "routes");
        for (var i = 0; i < routeArray.Count; i++)
        {
            var path = $"$.routes[{i}]";
            if (routeArray[i] is JsonObject row && file.Text(row, path, "department") is { } department
                && file.Text(row, path, "reason") is { } reason && file.Condition(row, path, "when") is { } when)
            {
                routes.Add(new RouteRule(department, reason, when));
            }
        }

        var actions = new List<ActionRule>();
        var actionArray = file.Array(file.Root, "$", "actions");
        for (var i = 0; i < actionArray.Count; i++)
        {
            var path = $"$.actions[{i}]";
            if (actionArray[i] is not JsonObject row || file.Text(row, path, "action") is not { } action || file.Condition(row, path, "when") is not { } when)
            {
                continue;
            }

            if (!TriageActions.All.Contains(action))
            {
                file.Problem($"{path}.action", $"'{action}' is not a triage action; use one of {string.Join(", ", TriageActions.All)}.");
            }

            actions.Add(new ActionRule(action, when));
        }

        var states = new Dictionary<string, EvalboxState>(StringComparer.OrdinalIgnoreCase);
        if (file.Root["evalboxStates"] is JsonObject stateMap)
        {
            foreach (var (evalbox, node) in stateMap)
            {
                var path = $"$.evalboxStates['{evalbox}']";
                if (node is JsonObject state && file.Text(state, path, "state_id") is { } id && file.Text(state, path, "state_name") is { } name)
                {
                    states[evalbox] = new EvalboxState(id, name);
                }
            }
        }

        var uber = file.Root["uber"]?["dealAmount"] is JsonValue amount && amount.TryGetValue<decimal>(out var value) ? value : 0m;
        if (uber <= 0)
        {
            file.Problem("$.uber.dealAmount", "must be the amount of the Uber offer's deals (20).");
        }

        file.ThrowIfProblems();
        return new TriageRules(routes, actions, states, uber);
    }
}
