using System.Text.Json.Nodes;

namespace Serverless.Engine.Expressions;

/// <summary>
/// Where expression paths are looked up. A path "steps.classify.output.type_final" arrives split into
/// segments ["steps","classify","output","type_final"]; array indexes arrive as digits ("items[2]" -> "items","2").
/// </summary>
public interface IExpressionScope
{
    /// <summary>The value at the path, or false when any segment is missing (a missing path is null, never an error).
    /// The returned node may belong to the scope: callers that keep it must <see cref="JsonNode.DeepClone"/> it.</summary>
    bool TryResolve(IReadOnlyList<string> segments, out JsonNode? value);
}
