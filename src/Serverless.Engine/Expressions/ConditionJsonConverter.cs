using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Serverless.Engine.Expressions;

/// <summary>Reads and writes the compact condition syntax. Shape errors are reported by the loader
/// before this runs, so here they are plain <see cref="JsonException"/>s.</summary>
public sealed class ConditionJsonConverter : JsonConverter<Condition>
{
    public override Condition? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader);
        return node is null ? null : FromNode(node);
    }

    public static Condition FromNode(JsonNode node)
    {
        if (node is not JsonObject obj)
        {
            throw new JsonException("A condition must be an object.");
        }

        if (obj.TryGetPropertyValue("and", out var and))
        {
            return new AllCondition(ReadList(and));
        }

        if (obj.TryGetPropertyValue("or", out var or))
        {
            return new AnyCondition(ReadList(or));
        }

        if (obj.TryGetPropertyValue("not", out var not))
        {
            return new NotCondition(FromNode(not ?? throw new JsonException("'not' needs a condition.")));
        }

        var path = Text(obj, "path") ?? throw new JsonException("A comparison needs 'path' as a string.");
        var op = obj.ContainsKey("op") ? Text(obj, "op") ?? throw new JsonException("'op' must be a string.") : ComparisonOperators.Equal;
        return new Comparison(path, op, obj["value"]?.DeepClone());
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static List<Condition> ReadList(JsonNode? node) =>
        node is JsonArray array
            ? array.Select(item => FromNode(item ?? throw new JsonException("A condition cannot be null."))).ToList()
            : throw new JsonException("'and' and 'or' need an array of conditions.");

    public override void Write(Utf8JsonWriter writer, Condition value, JsonSerializerOptions options) =>
        ToNode(value).WriteTo(writer, options);

    public static JsonNode ToNode(Condition condition) => condition switch
    {
        AllCondition all => new JsonObject { ["and"] = new JsonArray(all.Conditions.Select(c => (JsonNode?)ToNode(c)).ToArray()) },
        AnyCondition any => new JsonObject { ["or"] = new JsonArray(any.Conditions.Select(c => (JsonNode?)ToNode(c)).ToArray()) },
        NotCondition not => new JsonObject { ["not"] = ToNode(not.Condition) },
        Comparison cmp => cmp.Op == ComparisonOperators.Exists && cmp.Value is null
            ? new JsonObject { ["path"] = cmp.Path, ["op"] = cmp.Op }
            : new JsonObject { ["path"] = cmp.Path, ["op"] = cmp.Op, ["value"] = cmp.Value?.DeepClone() },
        _ => throw new JsonException($"Unknown condition {condition.GetType().Name}."),
    };
}
