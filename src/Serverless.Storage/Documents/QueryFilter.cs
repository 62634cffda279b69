using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Storage.Documents;

public enum FilterOperator
{
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    StartsWith,
    Contains,
}

/// <summary>
/// One condition on a dotted field path. Values are JSON scalars (string, number, boolean); <see cref="FilterOperator.In"/>
/// takes an array of them. Comparisons only match values of the same JSON type, as in Cosmos DB SQL.
/// </summary>
public sealed record QueryFilter(string Field, FilterOperator Operator, JsonNode Value)
{
    public static QueryFilter Eq(string field, JsonNode value) => new(field, FilterOperator.Eq, value);

    public static QueryFilter Ne(string field, JsonNode value) => new(field, FilterOperator.Ne, value);

    public static QueryFilter Lt(string field, JsonNode value) => new(field, FilterOperator.Lt, value);

    public static QueryFilter Le(string field, JsonNode value) => new(field, FilterOperator.Le, value);

    public static QueryFilter Gt(string field, JsonNode value) => new(field, FilterOperator.Gt, value);

    public static QueryFilter Ge(string field, JsonNode value) => new(field, FilterOperator.Ge, value);

    public static QueryFilter StartsWith(string field, string prefix) => new(field, FilterOperator.StartsWith, prefix);

    public static QueryFilter Contains(string field, string text) => new(field, FilterOperator.Contains, text);

    public static QueryFilter In(string field, params JsonNode[] values) => new(field, FilterOperator.In, new JsonArray(values));

    internal static bool IsScalar(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
}
