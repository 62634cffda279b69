using System.Text.Json.Nodes;

namespace Serverless.Engine.Expressions;

/// <summary>Resolves paths from a plain JSON object whose properties are the roots (e.g. "organisation", "deal").</summary>
public sealed class ObjectScope(JsonObject roots) : IExpressionScope
{
    public bool TryResolve(IReadOnlyList<string> segments, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0)
        {
            value = null;
            return false;
        }

        return JsonPath.TryNavigate(roots, segments, 0, out value);
    }
}
