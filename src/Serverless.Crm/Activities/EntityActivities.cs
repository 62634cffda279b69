using System.Text.Json.Nodes;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Crm.Workflows;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Crm.Activities;

/// <summary>crm.update_field: sets one field of an organisation, deal or person. A named property (name,
/// pipeline_stage, stage, amount, owner_id...) is set as such; any other name goes into the record's fields.
/// A null value clears. Repeating it is harmless (same value).</summary>
public sealed class UpdateFieldActivity(CrmChanges changes) : IActivity
{
    private static readonly HashSet<string> Fixed = new(StringComparer.Ordinal) { "id", "created_at", "updated_at", "fields", "pk" };

    public string Name => CrmNames.Activity(CrmActionTypes.UpdateField);

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = CrmActivityInputs.Entity(context, required: true)!;
        var field = ActivityInput.Required(context, "field").Trim();
        if (Fixed.Contains(field))
        {
            throw new ActivityException(ErrorKinds.Validation, $"{context.StepKey}: field '{field}' cannot be changed by a workflow.");
        }

        var value = context.Input?["value"]?.DeepClone();
        var result = await CrmEntityChanges.ApplyAsync(changes, context, target, json =>
        {
            if (json.ContainsKey(field))
            {
                json[field] = value;
            }
            else
            {
                if (json["fields"] is not JsonObject fields)
                {
                    fields = [];
                    json["fields"] = fields;
                }

                fields[field] = value;
            }

            return json;
        }, cancellationToken);
        result["field"] = field;
        return result;
    }
}

/// <summary>crm.assign_user: makes a user the owner (owner_id) of an organisation, deal or person.</summary>
public sealed class AssignUserActivity(CrmChanges changes) : IActivity
{
    public string Name => CrmNames.Activity(CrmActionTypes.AssignUser);

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = CrmActivityInputs.Entity(context, required: true)!;
        var userId = ActivityInput.Required(context, "user_id").Trim();
        var result = await CrmEntityChanges.ApplyAsync(changes, context, target, json =>
        {
            json["owner_id"] = userId;
            return json;
        }, cancellationToken);
        result["user_id"] = userId;
        return result;
    }
}

/// <summary>crm.add_tag: adds a tag to an organisation, deal or person (once: a tag already there is left alone).</summary>
public sealed class AddTagActivity(CrmChanges changes) : IActivity
{
    public string Name => CrmNames.Activity(CrmActionTypes.AddTag);

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = CrmActivityInputs.Entity(context, required: true)!;
        var tag = ActivityInput.Required(context, "tag").Trim();
        var result = await CrmEntityChanges.ApplyAsync(changes, context, target, json =>
        {
            if (json["tags"] is not JsonArray tags)
            {
                tags = [];
                json["tags"] = tags;
            }

            if (!tags.Any(t => string.Equals(t?.ToString(), tag, StringComparison.OrdinalIgnoreCase)))
            {
                tags.Add(tag);
            }

            return json;
        }, cancellationToken);
        result["tag"] = tag;
        return result;
    }
}
