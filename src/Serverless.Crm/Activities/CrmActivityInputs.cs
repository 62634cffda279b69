using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Crm.Activities;

/// <summary>Reading the compiled steps' inputs (the action's config, placeholders resolved).</summary>
internal static class CrmActivityInputs
{
    /// <summary>The id of a record a step creates: the same on every attempt of the step (from its idempotency key),
    /// so a retry finds the first attempt's record instead of creating a second one.</summary>
    public static string NewId(string prefix, ActivityContext context)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(context.IdempotencyKey));
        return $"{prefix}-{Convert.ToHexStringLower(hash)[..24]}";
    }

    /// <summary>entity_type / entity_id, falling back to trigger_entity_type / trigger_entity_id when the input
    /// carries them; null when neither names an entity and none is required.</summary>
    public static CrmEntityRef? Entity(ActivityContext context, bool required)
    {
        var type = ActivityInput.Optional(context, "entity_type") ?? ActivityInput.Optional(context, "trigger_entity_type");
        var id = ActivityInput.Optional(context, "entity_id") ?? ActivityInput.Optional(context, "trigger_entity_id");
        if (string.IsNullOrWhiteSpace(type) || string.IsNullOrWhiteSpace(id))
        {
            return required
                ? throw new ActivityException(ErrorKinds.Validation, $"{context.StepKey}: inputs 'entity_type' and 'entity_id' are required (no triggering entity to default to).")
                : null;
        }

        type = type.Trim().ToLowerInvariant();
        return CrmEntityTypes.All.Contains(type)
            ? new CrmEntityRef(type, id.Trim())
            : throw new ActivityException(ErrorKinds.Validation, $"{context.StepKey}: entity_type '{type}' is not one of {string.Join(", ", CrmEntityTypes.All)}.");
    }

    /// <summary>A recipient list: one address, an array of them, or a comma-separated text.</summary>
    public static List<string> Addresses(ActivityContext context, string name)
    {
        IEnumerable<string?> raw = context.Input?[name] switch
        {
            JsonArray list => list.Select(n => n is JsonValue v ? v.ToString() : null),
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>().Split(',', ';'),
            _ => [],
        };
        return [.. raw.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public static DateTimeOffset? Date(ActivityContext context, string name)
    {
        if (ActivityInput.Optional(context, name) is not { Length: > 0 } text)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new ActivityException(ErrorKinds.Validation, $"{context.StepKey}: '{name}' is not a date: '{text}'.");
    }

    public static JsonObject Ref(CrmEntityRef? entity) =>
        entity is null ? [] : new JsonObject { ["entity_type"] = entity.Type, ["entity_id"] = entity.Id };
}

/// <summary>A change to an organisation, deal or person, made (or, in a dry run, only computed) on the store.</summary>
internal static class CrmEntityChanges
{
    public static Task<JsonObject> ApplyAsync(
        CrmChanges changes, ActivityContext context, CrmEntityRef target, Func<JsonObject, JsonObject> change, CancellationToken cancellationToken) =>
        target.Type switch
        {
            CrmEntityTypes.Organisation => ApplyAsync<Organisation>(changes, context, target, change, cancellationToken),
            CrmEntityTypes.Deal => ApplyAsync<Deal>(changes, context, target, change, cancellationToken),
            _ => ApplyAsync<Person>(changes, context, target, change, cancellationToken),
        };

    /// <summary>Why this action writes: the executions that led to the run (its trigger's cause_chain) and the run itself.</summary>
    public static CrmCause Cause(ActivityContext context)
    {
        var chain = context.Input?["cause_chain"] is JsonArray list
            ? list.Select(n => n?.ToString()).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList()
            : [];
        chain.Add(context.InstanceId);
        return new CrmCause(chain, context.IdempotencyKey);
    }

    private static async Task<JsonObject> ApplyAsync<T>(
        CrmChanges changes, ActivityContext context, CrmEntityRef target, Func<JsonObject, JsonObject> change, CancellationToken cancellationToken)
        where T : CrmBusinessEntity
    {
        T Change(T entity)
        {
            try
            {
                return DocumentCrmStore.FromJson<T>(change(DocumentCrmStore.ToJson(entity)));
            }
            catch (JsonException e)
            {
                throw new ActivityException(ErrorKinds.Validation, $"{context.StepKey}: the change does not fit a {target.Type}: {e.Message}", inner: e);
            }
        }

        T before;
        T after;
        CrmDispatchResult? dispatch = null;
        if (context.DryRun)
        {
            before = await changes.Store.GetAsync<T>(target.Id, cancellationToken) ?? throw NotFound(context, target);
            after = Change(before);
        }
        else
        {
            var update = await changes.UpdateAsync<T>(target.Id, Change, Cause(context), cancellationToken) ?? throw NotFound(context, target);
            (before, after) = (update.Before!, update.After);
            dispatch = update.Dispatch;
        }

        var beforeJson = DocumentCrmStore.ToJson(before);
        var afterJson = DocumentCrmStore.ToJson(after);
        var changed = !JsonNode.DeepEquals(
            Without(beforeJson.DeepClone().AsObject(), "updated_at"), Without(afterJson.DeepClone().AsObject(), "updated_at"));
        var result = CrmActivityInputs.Ref(target);
        result["changed"] = changed;
        result["dry_run"] = context.DryRun;
        result["before"] = beforeJson;
        result["after"] = afterJson;
        if (dispatch is not null)
        {
            // What the change started, and where loop protection cut a cascade: visible in this execution's log.
            result["workflows"] = dispatch.ToJson();
        }

        return result;
    }

    private static JsonObject Without(JsonObject json, string name)
    {
        json.Remove(name);
        return json;
    }

    private static ActivityException NotFound(ActivityContext context, CrmEntityRef target) =>
        new(ErrorKinds.NotFound, $"{context.StepKey}: there is no {target.Type} '{target.Id}'.");
}
