using System.Text.Json.Nodes;

namespace Serverless.Helpdesk.Batches;

/// <summary>The seed's summary table of a batch (or of the processed list): counts by triage action, failures,
/// success rate and drafts created.</summary>
public sealed record BatchSummary(int Total, int Succeeded, int Failed, int DraftsCreated, IReadOnlyDictionary<string, int> ByAction)
{
    public double SuccessRate => Total == 0 ? 0 : Math.Round(100.0 * Succeeded / Total, 1);

    public static BatchSummary Of(IEnumerable<(bool Success, string? Action, bool Draft)> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var list = outcomes.ToList();
        var byAction = TriageActions.All.ToDictionary(a => a, a => list.Count(o => o.Success && o.Action == a), StringComparer.Ordinal);
        return new BatchSummary(list.Count, list.Count(o => o.Success), list.Count(o => !o.Success), list.Count(o => o.Draft), byAction);
    }

    /// <summary>Drafts: results with a draft's content, so that a dry run counts the drafts it would have made.</summary>
    public static BatchSummary OfResults(IEnumerable<JsonObject> results) =>
        Of(results.Select(r => (r["success"]?.GetValue<bool>() ?? false, r["triage_action"]?.GetValue<string>(), r["output"]?["draft_content"] is JsonValue)));

    public JsonObject ToJson() => new()
    {
        ["total"] = Total,
        ["succeeded"] = Succeeded,
        ["failed"] = Failed,
        ["success_rate"] = SuccessRate,
        ["drafts_created"] = DraftsCreated,
        ["by_action"] = new JsonObject(ByAction.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
    };
}
