using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Serverless.Crm.Data;
using Serverless.Crm.Running;

namespace Serverless.Crm.Api;

/// <summary>Reads the body of POST /{id}/execute: trigger_entity_type and trigger_entity_id (both or neither; the id a
/// number as in the seed, or a string), trigger_data (any JSON), dry_run (or ?dry_run=true); the Idempotency-Key
/// header makes a repeated request start one execution.</summary>
internal static class CrmExecuteRequests
{
    private static readonly string[] Known = ["trigger_entity_type", "trigger_entity_id", "trigger_data", "dry_run"];

    public static CrmExecuteRequest Read(JsonObject body, HttpRequest request, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, _) in body)
        {
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                errors[$"$.{name}"] = [$"Unknown property '{name}'; the body takes {string.Join(", ", Known)}."];
            }
        }

        var type = body["trigger_entity_type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>().Trim().ToLowerInvariant() : null;
        if (body["trigger_entity_type"] is { } rawType && type is null)
        {
            errors["$.trigger_entity_type"] = [$"'trigger_entity_type' must be a string (one of {string.Join(", ", CrmEntityTypes.All)})."];
        }
        else if (type is not null && !CrmEntityTypes.All.Contains(type))
        {
            errors["$.trigger_entity_type"] = [$"'{type}' is not an entity type; use one of {string.Join(", ", CrmEntityTypes.All)}."];
        }

        var id = body["trigger_entity_id"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number || v.GetValueKind() == JsonValueKind.String => v.ToString().Trim(),
            null => null,
            _ => "",
        };
        if (id is { Length: 0 })
        {
            errors["$.trigger_entity_id"] = ["'trigger_entity_id' must be the entity's id, a number or a string."];
        }

        if ((type is null) != (id is null) && errors.Count == 0)
        {
            errors[type is null ? "$.trigger_entity_type" : "$.trigger_entity_id"] = ["'trigger_entity_type' and 'trigger_entity_id' go together: give both, or neither for a run without an entity."];
        }

        var dryRun = body["dry_run"] is JsonValue d && d.GetValueKind() == JsonValueKind.True;
        if (body["dry_run"] is JsonValue dv && dv.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors["$.dry_run"] = ["'dry_run' must be true or false."];
        }

        if (request.Query.TryGetValue("dry_run", out var query))
        {
            dryRun |= string.Equals(query.ToString(), "true", StringComparison.OrdinalIgnoreCase) || query.ToString() == "1";
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        return new CrmExecuteRequest(type, id, body["trigger_data"]?.DeepClone(), dryRun, key.Length is > 0 and <= 200 ? key : null);
    }
}
