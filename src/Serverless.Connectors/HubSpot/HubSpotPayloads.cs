using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.HubSpot;

/// <summary>Request bodies as HubSpot CRM v3 documents them; shared by the real client and the sandbox record.</summary>
internal static class HubSpotPayloads
{
    /// <summary>HUBSPOT_DEFINED association type id for ticket -> contact.</summary>
    public const int TicketToContact = 16;

    public static JsonObject SearchByEmail(string email) => new()
    {
        ["filterGroups"] = new JsonArray(new JsonObject
        {
            ["filters"] = new JsonArray(new JsonObject { ["propertyName"] = "email", ["operator"] = "EQ", ["value"] = email }),
        }),
        ["properties"] = new JsonArray("email", "firstname", "lastname"),
        ["limit"] = 1,
    };

    /// <summary>POST /crm/v3/objects/tickets/search body: tickets whose property EQ value (at most one is expected).</summary>
    public static JsonObject SearchTicketByProperty(string propertyName, string value) => new()
    {
        ["filterGroups"] = new JsonArray(new JsonObject
        {
            ["filters"] = new JsonArray(new JsonObject { ["propertyName"] = propertyName, ["operator"] = "EQ", ["value"] = value }),
        }),
        ["properties"] = new JsonArray(propertyName),
        ["sorts"] = new JsonArray(new JsonObject { ["propertyName"] = "createdate", ["direction"] = "ASCENDING" }),
        ["limit"] = 1,
    };

    /// <summary>The ticket-search body for this request, or null when there is nothing to search on (no
    /// IdempotencyProperty setting or no key): then creation is not deduplicated.</summary>
    public static JsonObject? IdempotencySearch(HubSpotTicketRequest request, HubSpotOptions options) =>
        string.IsNullOrWhiteSpace(options.IdempotencyProperty) || string.IsNullOrWhiteSpace(request.IdempotencyKey)
            ? null
            : SearchTicketByProperty(options.IdempotencyProperty, request.IdempotencyKey);

    public static JsonObject Contact(string email, string? firstName, string? lastName)
    {
        var properties = new JsonObject { ["email"] = email };
        if (!string.IsNullOrWhiteSpace(firstName))
        {
            properties["firstname"] = firstName;
        }

        if (!string.IsNullOrWhiteSpace(lastName))
        {
            properties["lastname"] = lastName;
        }

        return new JsonObject { ["properties"] = properties };
    }

    public static JsonObject Ticket(HubSpotTicketRequest request, HubSpotOptions options)
    {
        var properties = new JsonObject
        {
            ["subject"] = request.Subject,
            ["content"] = request.Content,
            ["hs_pipeline"] = request.PipelineId ?? options.PipelineId,
            ["hs_pipeline_stage"] = request.PipelineStageId ?? options.PipelineStageId,
        };
        Set(properties, options.TypeProperty, request.RequestType);
        Set(properties, options.SourceProperty, request.SourceForm);
        Set(properties, options.ReclassifiedProperty, request.Reclassified is { } r ? (r ? "true" : "false") : null);
        foreach (var (name, value) in request.Properties)
        {
            properties[name] = value;
        }

        Set(properties, options.IdempotencyProperty, string.IsNullOrWhiteSpace(request.IdempotencyKey) ? null : request.IdempotencyKey);

        return new JsonObject
        {
            ["properties"] = properties,
            ["associations"] = new JsonArray(new JsonObject
            {
                ["to"] = new JsonObject { ["id"] = request.ContactId },
                ["types"] = new JsonArray(new JsonObject
                {
                    ["associationCategory"] = "HUBSPOT_DEFINED",
                    ["associationTypeId"] = TicketToContact,
                }),
            }),
        };
    }

    public static HubSpotContact ReadContact(JsonNode node, string fallbackEmail)
    {
        var properties = node["properties"];
        return new HubSpotContact(
            IdOf(node),
            properties?["email"]?.GetValue<string>() ?? fallbackEmail,
            properties?["firstname"]?.GetValue<string>(),
            properties?["lastname"]?.GetValue<string>());
    }

    /// <summary>HubSpot sends ids as strings; accept numbers too.</summary>
    public static string IdOf(JsonNode? node) => node?["id"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        _ => throw new ActivityException(ErrorKinds.Permanent, "HubSpot answered without an object id."),
    };

    private static void Set(JsonObject properties, string? name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(name) && value is not null)
        {
            properties[name] = value;
        }
    }
}
