using System.Text.Json;
using System.Text.Json.Nodes;
using Ops = Serverless.Engine.Expressions.ComparisonOperators;

namespace Serverless.Engine.Expressions;

/// <summary>One comparison: the value at the path against the (rendered) value.</summary>
internal static class ComparisonEvaluator
{
    public static bool Evaluate(Comparison comparison, IExpressionScope scope, DateTimeOffset now)
    {
        var left = ResolveLeft(comparison.Path, scope, now);
        var right = Templates.Render(comparison.Value, scope, now);

        return comparison.Op switch
        {
            Ops.Equal => JsonValues.AreEqual(left, right),
            Ops.NotEqual => !JsonValues.AreEqual(left, right),
            Ops.Greater => JsonValues.Compare(left, right) > 0,
            Ops.Less => JsonValues.Compare(left, right) < 0,
            Ops.GreaterOrEqual => JsonValues.Compare(left, right) >= 0,
            Ops.LessOrEqual => JsonValues.Compare(left, right) <= 0,
            Ops.Contains => Contains(left, right),
            Ops.In => IsIn(left, right),
            Ops.NotIn => !IsIn(left, right),
            Ops.Exists => (JsonText.KindOf(left) != JsonValueKind.Null) == ExpectedExistence(comparison, right),
            _ => throw new ExpressionException(Describe(comparison),
                $"The condition '{Describe(comparison)}' uses the unknown operator '{comparison.Op}'; the operators are {string.Join(", ", Ops.All)}."),
        };
    }

    /// <summary>A path is written bare ("deal.amount"); written as a template ("{{ deal.amount | lower }}") it is
    /// rendered, so filters apply before comparing.</summary>
    private static JsonNode? ResolveLeft(string path, IExpressionScope scope, DateTimeOffset now)
    {
        if (path.TrimStart().StartsWith("{{", StringComparison.Ordinal))
        {
            return Templates.Render(path, scope, now);
        }

        return scope.TryResolve(JsonPath.Split(path), out var value) ? value : null;
    }

    /// <summary>A string holds a substring, an array holds an element, an object holds a property name.</summary>
    private static bool Contains(JsonNode? left, JsonNode? right)
    {
        if (right is null)
        {
            return left is JsonArray withNull && withNull.Any(item => JsonText.KindOf(item) == JsonValueKind.Null);
        }

        return left switch
        {
            JsonArray array => array.Any(item => JsonValues.AreEqual(item, right)),
            JsonObject obj => JsonText.TryGetString(right, out var key) && obj.ContainsKey(key),
            JsonValue when JsonText.TryGetString(left, out var text) => text.Contains(JsonText.ToText(right), StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>Membership in an array; a single value (not an array) counts as a list of one.</summary>
    private static bool IsIn(JsonNode? left, JsonNode? right) => right switch
    {
        null => false,
        JsonArray array => array.Any(item => JsonValues.AreEqual(left, item)),
        _ => JsonValues.AreEqual(left, right),
    };

    private static bool ExpectedExistence(Comparison comparison, JsonNode? value) => JsonText.KindOf(value) switch
    {
        JsonValueKind.Null => true,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new ExpressionException(Describe(comparison),
            $"The condition '{Describe(comparison)}' gives 'exists' the value {JsonText.ToJson(value)}; it takes true or false."),
    };

    private static string Describe(Comparison comparison) =>
        comparison.Value is null ? $"{comparison.Path} {comparison.Op}" : $"{comparison.Path} {comparison.Op} {JsonText.ToJson(comparison.Value)}";
}
