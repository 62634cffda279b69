using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Crm.Data;

namespace Serverless.Crm.HubSpot;

/// <summary>One event of a HubSpot webhook batch (the body is a JSON array of them): company.creation,
/// deal.propertyChange, company.deletion, ... or the generic object.* form with objectTypeId (0-2 company, 0-3 deal).</summary>
public sealed record HubSpotWebhookEvent(string EventId, string SubscriptionType, string ObjectId)
{
    public string? ObjectTypeId { get; init; }

    public string? PropertyName { get; init; }

    public string? PropertyValue { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public int AttemptNumber { get; init; }

    /// <summary>organisation or deal; null for the objects with no change events (contacts, tickets, ...).</summary>
    public string? EntityType => (Object, ObjectTypeId) switch
    {
        ("company", _) or ("object", "0-2") => CrmEntityTypes.Organisation,
        ("deal", _) or ("object", "0-3") => CrmEntityTypes.Deal,
        _ => null,
    };

    public bool IsCreation => Action == "creation";

    public bool IsDeletion => Action == "deletion";

    private string Object => SubscriptionType.Split('.')[0];

    private string Action => SubscriptionType.Split('.') is [_, var action, ..] ? action : "";

    /// <summary>The events of a batch; null when the body is not a JSON array of events with eventId,
    /// subscriptionType and objectId.</summary>
    public static IReadOnlyList<HubSpotWebhookEvent>? ParseBatch(string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        if (root is not JsonArray items)
        {
            return null;
        }

        var events = new List<HubSpotWebhookEvent>();
        foreach (var item in items)
        {
            if (Text(item?["eventId"]) is not { } eventId || Text(item!["subscriptionType"]) is not { } type || Text(item["objectId"]) is not { } objectId)
            {
                return null;
            }

            events.Add(new HubSpotWebhookEvent(eventId, type, objectId)
            {
                ObjectTypeId = Text(item["objectTypeId"]),
                PropertyName = Text(item["propertyName"]),
                PropertyValue = Text(item["propertyValue"]),
                OccurredAt = long.TryParse(Text(item["occurredAt"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
                    ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
                AttemptNumber = int.TryParse(Text(item["attemptNumber"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0,
            });
        }

        return events;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
            _ => null,
        }
        : null;
}
