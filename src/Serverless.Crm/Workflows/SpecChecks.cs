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

    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var lower = input.ToLowerInvariant();
        var allowed = input.Length <= 4 ? 1 : 2;
        var best = candidates
            .Select(c => (Candidate: c, Distance: Distance(lower, c.ToLowerInvariant())))
            .Where(c => c.Distance <= allowed)
            // At equal distance a candidate with the same letters wins ("=>" suggests ">=").
            .OrderBy(c => (2 * c.Distance) - (lower.Order().SequenceEqual(c.Candidate.ToLowerInvariant().Order()) ? 1 : 0))
            .Select(c => c.Candidate)
            .FirstOrDefault();
        return best is null ? "" : $" (did you mean '{best}'?)";
    }

    /// <summary>Edit distance counting a swap of two neighbours as one edit (optimal string alignment).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
