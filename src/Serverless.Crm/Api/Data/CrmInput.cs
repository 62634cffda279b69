using System.Text.Json.Nodes;

namespace Serverless.Crm.Api.Data;

/// <summary>A request body read against a <see cref="CrmResource"/>: the named properties it sets (normalized; null
/// clears), the free fields it sets (null removes one), its problems, and how to lay it over the stored record.</summary>
internal sealed class CrmInput(CrmResource resource, CrmWriteMode mode)
{
    private static readonly string[] ServerSet = ["id", "created_at", "updated_at"];

    public CrmResource Resource => resource;

    public Dictionary<string, JsonNode?> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonNode?> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>A PATCH with "fields": null: every free field goes.</summary>
    public bool ClearFields { get; private set; }

    public CrmProblems Problems { get; } = new();

    public static CrmInput Read(CrmResource resource, JsonObject body, CrmWriteMode mode)
    {
        var input = new CrmInput(resource, mode);
        foreach (var (name, node) in body)
        {
            input.ReadProperty(name, node);
        }

        if (mode != CrmWriteMode.Patch)
        {
            foreach (var property in resource.Properties.Where(p => p.Required && !body.ContainsKey(p.Name)))
            {
                input.Problems.Add(CrmProblems.Path("$", property.Name), "required.");
            }
        }

        return input;
    }

    /// <summary>The record's JSON after this write: on a creation <paramref name="current"/> holds only the new id;
    /// on a replace, the stored record (only its id and timestamps, and what <see cref="CrmProperty.DefaultsToNow"/>
    /// keeps, survive); on a patch, the stored record.</summary>
    public JsonObject Apply(JsonObject current, DateTimeOffset now)
    {
        var result = mode == CrmWriteMode.Patch
            ? current.DeepClone().AsObject()
            : new JsonObject(current.Where(p => ServerSet.Contains(p.Key, StringComparer.Ordinal) && p.Value is not null)
                .Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, p.Value!.DeepClone())));
        foreach (var (name, value) in Values)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = value.DeepClone();
            }
        }

        foreach (var property in resource.Properties.Where(p => p.DefaultsToNow && !Values.ContainsKey(p.Name)))
        {
            result[property.Name] = mode == CrmWriteMode.Create || current[property.Name] is null
                ? JsonValue.Create(now)
                : current[property.Name]!.DeepClone();
        }

        if (resource.HasFields)
        {
            var fields = mode == CrmWriteMode.Patch && !ClearFields && current["fields"] is JsonObject stored
                ? stored.DeepClone().AsObject()
                : [];
            foreach (var (name, value) in Fields)
            {
                if (value is null)
                {
                    fields.Remove(name);
                }
                else
                {
                    fields[name] = value.DeepClone();
                }
            }

            result["fields"] = fields;
        }

        return result;
    }

    private void ReadProperty(string name, JsonNode? node)
    {
        var path = CrmProblems.Path("$", name);
        if (ServerSet.Contains(name, StringComparer.Ordinal))
        {
            Problems.Add(path, $"is set by the server and cannot be written; leave '{name}' out of the body.");
        }
        else if (resource.Property(name) is { } property)
        {
            if (node is null)
            {
                if (property.Required)
                {
                    Problems.Add(path, "required: it cannot be null.");
                }
                else
                {
                    Values[name] = null;
                }
            }
            else if (property.Normalize(node, path, Problems) is { } value)
            {
                Values[name] = value;
            }
        }
        else if (resource.HasFields && name == "fields")
        {
            ReadFields(node, path);
        }
        else if (resource.HasFields)
        {
            Fields[name] = node?.DeepClone();
        }
        else
        {
            Problems.Add(path, $"is not a property of a {resource.Name}; use {string.Join(", ", resource.Properties.Select(p => p.Name))}.");
        }
    }

    private void ReadFields(JsonNode? node, string path)
    {
        if (node is null)
        {
            ClearFields = true;
        }
        else if (node is JsonObject fields)
        {
            foreach (var (name, value) in fields)
            {
                Fields[name] = value?.DeepClone();
            }
        }
        else
        {
            Problems.Add(path, $"must be an object of free fields such as {{\"montant_potentiel\": 80000}} (was {CrmProperty.Describe(node)}).");
        }
    }
}
