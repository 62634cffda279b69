namespace Serverless.Connectors.HubSpot;

/// <summary>A ticket to create, associated with a contact. Pipeline and stage default to the settings; the request
/// type, source form and reclassified flag go to the custom properties the settings name (skipped when unnamed).</summary>
public sealed record HubSpotTicketRequest(string Subject, string Content, string ContactId)
{
    public string? PipelineId { get; init; }

    public string? PipelineStageId { get; init; }

    public string? RequestType { get; init; }

    public string? SourceForm { get; init; }

    public bool? Reclassified { get; init; }

    /// <summary>The activity's idempotency key (the same on every attempt of the step). With
    /// Connectors:HubSpot:IdempotencyProperty set, it is stored in that property and an existing ticket carrying it is
    /// returned instead of creating another one; otherwise it is not sent.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Any other ticket properties, by internal name.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}
