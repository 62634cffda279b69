using System.Text.Json.Nodes;

namespace Serverless.Helpdesk.Triage;

/// <summary>What the rules decided for one ticket: the action and stage, the date case, the template variables, the
/// reply template (GO, NEEDS_CLARIFICATION) or note template (ROUTE, DUPLICATE_UBER, STOPPED_EXAM_DATE_PASSED), the
/// CRM fields to write (none when stopped) and, for ROUTE, the department and reason.</summary>
public sealed record TriageDecision(
    string Action,
    string Stage,
    int DateCase,
    string DateCaseLabel,
    string Effect,
    JsonObject TemplateVars,
    string? ReplyTemplate,
    string? NoteTemplate,
    JsonObject CrmUpdates,
    string? RouteDepartment,
    string? RouteReason)
{
    /// <summary>What the workflow writes: "draft" (reply template), "route" (note and move) or "note" (note template).</summary>
    public string Write => ReplyTemplate is not null ? "draft" : RouteDepartment is not null ? "route" : "note";

    public JsonObject ToJson() => new()
    {
        ["action"] = Action,
        ["write"] = Write,
        ["stage"] = Stage,
        ["dateCase"] = DateCase,
        ["dateCaseLabel"] = DateCaseLabel,
        ["effect"] = Effect,
        ["templateVars"] = TemplateVars.DeepClone(),
        ["replyTemplate"] = ReplyTemplate,
        ["noteTemplate"] = NoteTemplate,
        ["crmUpdates"] = CrmUpdates.DeepClone(),
        ["hasCrmUpdates"] = CrmUpdates.Count > 0,
        ["routeDepartment"] = RouteDepartment,
        ["routeReason"] = RouteReason,
    };
}
