using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Serverless.Engine.Expressions;

/// <summary>
/// A condition is data: <c>{"and":[...]}</c>, <c>{"or":[...]}</c>, <c>{"not":{...}}</c> or a comparison
/// <c>{"path":"organisation.pipeline_stage","op":"in","value":["PROPOSITION"]}</c>.
/// </summary>
[JsonConverter(typeof(ConditionJsonConverter))]
public abstract record Condition;

public sealed record AllCondition(IReadOnlyList<Condition> Conditions) : Condition;

public sealed record AnyCondition(IReadOnlyList<Condition> Conditions) : Condition;

public sealed record NotCondition(Condition Condition) : Condition;

/// <summary>Compares the value at <see cref="Path"/> with <see cref="Value"/> (itself a template when a string).</summary>
public sealed record Comparison(string Path, string Op, JsonNode? Value) : Condition;

public static class ComparisonOperators
{
    public const string Equal = "==";
    public const string NotEqual = "!=";
    public const string Greater = ">";
    public const string Less = "<";
    public const string GreaterOrEqual = ">=";
    public const string LessOrEqual = "<=";
    public const string Contains = "contains";
    public const string In = "in";
    public const string NotIn = "not_in";
    public const string Exists = "exists";

    public static readonly IReadOnlyList<string> All =
        [Equal, NotEqual, Greater, Less, GreaterOrEqual, LessOrEqual, Contains, In, NotIn, Exists];
}
