using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Serverless.Crm.Workflows;

/// <summary>
/// The seed's variables (<c>{{organisation.nom}}</c>, <c>{{trigger_entity_id}}</c>) over our templates.
/// The seed resolves a variable against its execution context
/// <c>{trigger_entity_type, trigger_entity_id, trigger_data, timestamp, organisation: {...}, deal: {...}, ...}</c>;
/// a compiled workflow is started by a CRM change event whose payload IS that context, and our runtimes expose
/// an event's payload as <c>trigger.body</c>. So every seed path P becomes <c>trigger.body.P</c>:
/// <c>{{organisation.nom}}</c> -> <c>{{trigger.body.organisation.nom}}</c>, in action configs and in condition fields.
/// </summary>
public static partial class CrmTemplatePaths
{
    /// <summary>Where the seed's execution context lives in a running instance.</summary>
    public const string ContextRoot = "trigger.body";

    /// <summary>Our path for a seed path: <c>organisation.nom</c> -> <c>trigger.body.organisation.nom</c>.</summary>
    public static string Map(string seedPath) => $"{ContextRoot}.{seedPath.Trim()}";

    /// <summary>Rewrites every <c>{{path}}</c> of a seed string into our template syntax.</summary>
    public static string MapText(string text) =>
        Placeholder().Replace(text, m => $"{{{{{Map(m.Groups[1].Value)}}}}}");

    /// <summary>Copies any JSON value with every string's placeholders rewritten.</summary>
    public static JsonNode? MapNode(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, MapNode(p.Value)))),
        JsonArray array => new JsonArray(array.Select(MapNode).ToArray()),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(MapText(value.GetValue<string>())),
        _ => node.DeepClone(),
    };

    /// <summary>The problems of one seed string: each <c>{{...}}</c> must hold a dotted path and nothing else.</summary>
    public static IReadOnlyList<string> Check(string text)
    {
        var problems = new List<string>();
        foreach (Match match in Placeholder().Matches(text))
        {
            var path = match.Groups[1].Value.Trim();
            if (!IsPath(path))
            {
                problems.Add($"'{match.Value}' is not a variable: write a dotted path such as {{{{organisation.nom}}}} or {{{{deal.montant}}}} (no filters or expressions).");
            }
        }

        var rest = Placeholder().Replace(text, "");
        if (rest.Contains("{{", StringComparison.Ordinal))
        {
            problems.Add($"'{text}' opens a variable with '{{{{' that is not closed with '}}}}'.");
        }

        return problems;
    }

    /// <summary>A field of the seed's conditions: <c>organisation.pipeline_stage</c>.</summary>
    public static bool IsPath(string path) =>
        path.Length > 0 && path.Split('.').All(segment =>
            segment.Length > 0
            && (char.IsLetter(segment[0]) || segment[0] == '_')
            && segment.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'));

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex Placeholder();
}
