using System.Globalization;
using System.Text.Json.Nodes;

namespace Serverless.Engine.Expressions;

/// <summary>Visits every string value of a JSON tree with its location relative to the root ("" for the root,
/// "body.to[0]" below it). Property names are not visited.</summary>
internal static class TemplateWalker
{
    public static void VisitStrings(JsonNode? node, Action<string, string> visit) => Visit(node, "", visit);

    private static void Visit(JsonNode? node, string location, Action<string, string> visit)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Visit(value, location.Length == 0 ? key : $"{location}.{key}", visit);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(array[i], string.Create(CultureInfo.InvariantCulture, $"{location}[{i}]"), visit);
                }

                break;
            default:
                if (JsonText.TryGetString(node, out var text))
                {
                    visit(location, text);
                }

                break;
        }
    }
}
