using Serverless.Engine.Loading;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Serverless.Crm.Workflows;

/// <summary>The collecting side of validation: every check adds a problem and goes on, never throws.</summary>
internal sealed partial class SpecChecks
{
    private readonly List<CrmWorkflowProblem> problems = [];

    public IReadOnlyList<CrmWorkflowProblem> Problems => problems;

    public void Add(string path, string message) => problems.Add(new CrmWorkflowProblem(path, message));

    public static string Property(string path, string name) =>
        PlainName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string path, int index) => $"{path}[{index}]";

    /// <summary>Reports every property of <paramref name="obj"/> that is not in <paramref name="known"/>.</summary>
    public void UnknownProperties(JsonObject obj, string path, IReadOnlyCollection<string> known, IReadOnlyCollection<string>? ignored = null)
    {
        foreach (var (name, _) in obj)
        {
            if (!known.Contains(name) && ignored?.Contains(name) != true)
            {
                Add(Property(path, name), $"Unknown property '{name}'{DidYouMean(name, known)}; the properties are {string.Join(", ", known)}.");
            }
        }
    }

    /// <summary>A string property; null (with a problem when required) when absent, null or not a string.</summary>
    public string? String(JsonObject obj, string path, string name, bool required, bool allowPlaceholders = true)
    {
        var at = Property(path, name);
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                Add(at, $"'{name}' is required.");
            }

            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            Add(at, $"'{name}' must be a string, not {Describe(node)}.");
            return null;
        }

        var text = node.GetValue<string>();
        if (required && string.IsNullOrWhiteSpace(text))
        {
            Add(at, $"'{name}' must not be empty.");
            return null;
        }

        if (allowPlaceholders)
        {
            Placeholders(text, at);
        }
        else if (text.Contains("{{", StringComparison.Ordinal))
        {
            Add(at, $"'{name}' cannot hold a {{{{variable}}}}.");
        }

        return text;
    }

    /// <summary>A user or entity reference: a number, or a string (usually a {{variable}}).</summary>
    public void Reference(JsonObject obj, string path, string name, bool required)
    {
        var at = Property(path, name);
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                Add(at, $"'{name}' is required.");
            }

            return;
        }

        switch (node.GetValueKind())
        {
            case JsonValueKind.Number:
                break;
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(node.GetValue<string>()):
                Placeholders(node.GetValue<string>(), at);
                break;
            default:
                Add(at, $"'{name}' must be an id (a number or a string such as '{{{{organisation.owner_id}}}}'), not {Describe(node)}.");
                break;
        }
    }

    /// <summary>One of a fixed list of words (compared ignoring case); returns the canonical spelling.</summary>
    public string? OneOf(JsonObject obj, string path, string name, bool required, IReadOnlyList<string> allowed)
    {
        var text = String(obj, path, name, required, allowPlaceholders: false);
        if (text is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Add(Property(path, name), $"'{text}' is not a valid {name}; use one of {string.Join(", ", allowed)}{DidYouMean(text, allowed)}.");
        }

        return match;
    }

    /// <summary>Checks every string inside any JSON value for placeholder syntax.</summary>
    public void PlaceholdersIn(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    PlaceholdersIn(child, Property(path, name));
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    PlaceholdersIn(array[i], Index(path, i));
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                Placeholders(value.GetValue<string>(), path);
                break;
        }
    }

    /// <summary>The seed's variables are <c>{{dotted.path}}</c>, nothing else (no filters, no expressions).</summary>
    public void Placeholders(string text, string path)
    {
        foreach (var problem in CrmTemplatePaths.Check(text))
        {
            Add(path, problem);
        }
    }

    public static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => $"the string {node.ToJsonString()}",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {node.ToJsonString()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "an unknown value",
    };

    /// <summary>" (did you mean 'x'?)" for the closest candidate, chosen as the engine's loader chooses it.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Suggestions.Closest(input, candidates) is { } best ? $" (did you mean '{best}'?)" : "";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
