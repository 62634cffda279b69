using System.Text.Json.Nodes;
using Serverless.Helpdesk.Replies;

namespace Serverless.Helpdesk.Batches;

/// <summary>The seed's "Structure des Résultats (mise à jour v3)" built from the steps' outputs: ticket_id, deal_id,
/// success, stage, triage_action, draft_created, triage, input (crm, examt3p, lookups), template_vars, output
/// (crm_updated, crm_updates, draft_content; note_content and route when there are), error. In a dry run nothing was
/// written, so draft_created and crm_updated are false while draft_content and crm_updates show what would have been.</summary>
public static class TicketResult
{
    /// <summary>template_vars holds the seed's fields and, for CAS 8, the move the candidate is told about.</summary>
    public static readonly IReadOnlyList<string> ResultVariables =
        [.. TemplateVariables.SeedV3, "deadline_passed_reschedule", "original_exam_date", "new_exam_date", "new_exam_date_cloture", "sessions_proposees"];

    public static JsonObject Build(string ticketId, bool dryRun, JsonObject deal, JsonObject exam, JsonObject intents, JsonObject decide,
        JsonObject? draft, JsonObject? crm, JsonObject? note, JsonObject? move)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(decide);
        var vars = decide["templateVars"] as JsonObject ?? [];
        var crmFields = deal["crm"] as JsonObject ?? [];
        var lookups = deal["lookups"] as JsonObject ?? [];
        var output = new JsonObject
        {
            ["crm_updated"] = !dryRun && crm is not null,
            ["crm_updates"] = (decide["crmUpdates"] as JsonObject)?.DeepClone() ?? new JsonObject(),
            ["draft_content"] = draft?["content"]?.DeepClone(),
        };
        if (note is not null)
        {
            output["note_content"] = note["content"]?.DeepClone();
        }

        if (move is not null)
        {
            output["route"] = new JsonObject { ["department"] = move["department"]?.DeepClone(), ["department_id"] = move["departmentId"]?.DeepClone(), ["reason"] = decide["routeReason"]?.DeepClone() };
        }

        return new JsonObject
        {
            ["ticket_id"] = ticketId,
            ["deal_id"] = deal["dealId"]?.DeepClone(),
            ["success"] = true,
            ["stage"] = decide["stage"]?.DeepClone(),
            ["triage_action"] = decide["action"]?.DeepClone(),
            ["draft_created"] = !dryRun && draft is not null,
            ["triage"] = new JsonObject
            {
                ["detected_intent"] = intents["primary"]?.DeepClone(),
                ["secondary_intents"] = intents["secondary"]?.DeepClone() ?? new JsonArray(),
                ["intent_context"] = new JsonObject
                {
                    ["session_preference"] = intents["sessionPreference"]?.DeepClone(),
                    ["is_complaint"] = intents["isComplaint"]?.DeepClone() ?? false,
                    ["claimed_session"] = intents["claimedSession"]?.DeepClone(),
                },
            },
            ["input"] = new JsonObject
            {
                ["crm"] = new JsonObject
                {
                    ["deal_name"] = crmFields["deal_name"]?.DeepClone(),
                    ["stage"] = crmFields["stage"]?.DeepClone(),
                    ["evalbox"] = crmFields["evalbox"]?.DeepClone(),
                    ["date_examen_vtc"] = crmFields["date_examen_vtc"]?.DeepClone(),
                    ["session1"] = crmFields["session1"]?.DeepClone(),
                    ["email"] = crmFields["email"]?.DeepClone(),
                },
                ["examt3p"] = exam?.DeepClone() ?? new JsonObject(),
                ["lookups"] = new JsonObject
                {
                    ["date_examen"] = lookups["date_examen"]?.DeepClone(),
                    ["session_type"] = lookups["session_type"]?.DeepClone(),
                    ["session_date_debut"] = lookups["session_date_debut"]?.DeepClone(),
                    ["session_date_fin"] = lookups["session_date_fin"]?.DeepClone(),
                },
            },
            ["template_vars"] = new JsonObject(ResultVariables.Select(name => KeyValuePair.Create(name, vars[name]?.DeepClone()))),
            ["output"] = output,
            ["error"] = null,
        };
    }

    /// <summary>A ticket whose workflow failed: recorded with its reason, the ticket stays pending.</summary>
    public static JsonObject Failed(string ticketId, string error) => new()
    {
        ["ticket_id"] = ticketId,
        ["deal_id"] = null,
        ["success"] = false,
        ["stage"] = "FAILED",
        ["triage_action"] = null,
        ["draft_created"] = false,
        ["error"] = error,
    };
}
