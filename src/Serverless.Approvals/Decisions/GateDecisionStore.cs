using System.Text.Json.Nodes;
using Serverless.Storage.Documents;
using Serverless.Storage.Errors;

namespace Serverless.Approvals.Decisions;

/// <summary>One document per decided gate (partition: instance id, id: gate key). Creating it is the decision:
/// the store's create-if-absent lets exactly one of two concurrent clicks win, whatever surface they came from.</summary>
public sealed class GateDecisionStore(IDocumentStore store)
{
    public const string Collection = "approval-decisions";

    public async Task<GateDecision?> ReadAsync(string instanceId, string gateId, CancellationToken cancellationToken)
    {
        var document = await store.ReadAsync(Collection, instanceId, gateId, cancellationToken);
        return document is null ? null : FromBody(document.Body);
    }

    /// <summary>Records the decision; returns the decision already recorded instead when another one won.</summary>
    public async Task<(bool Won, GateDecision Decision)> TryRecordAsync(
        string instanceId, string gateId, GateDecision decision, string nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var body = decision.ToJson();
        body["instanceId"] = instanceId;
        body["gateId"] = gateId;
        body["nonce"] = nonce;
        try
        {
            await store.CreateAsync(Collection, new Document(gateId, instanceId, body), cancellationToken);
            return (true, decision);
        }
        catch (ItemAlreadyExistsException)
        {
            return (false, await ReadAsync(instanceId, gateId, cancellationToken) ?? decision);
        }
    }

    private static GateDecision FromBody(JsonObject body) => new(
        GateDecision.Text(body["decision"]) ?? "unknown",
        GateDecision.Text(body["comment"]),
        GateDecision.Text(body["decidedBy"]),
        DateTimeOffset.TryParse(GateDecision.Text(body["decidedAt"]), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        GateDecision.Text(body["via"]) ?? "unknown",
        body["timedOut"] is JsonValue t && t.TryGetValue<bool>(out var timedOut) && timedOut);
}
