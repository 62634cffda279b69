using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Serverless.Storage.Documents.Sqlite;

/// <summary>
/// Turns a <see cref="DocumentQuery"/> into SQLite SQL over JSON1. Field paths are validated identifiers, so they
/// are inlined as literals: that is what lets SQLite use the expression indexes declared per collection.
/// Each comparison checks json_type first, because Cosmos DB only compares values of the same type.
/// </summary>
internal static class SqliteQueryTranslator
{
    public static string Extract(string field) => $"json_extract(body, '$.{field}')";

    public static void AppendWhere(StringBuilder sql, SqliteCommand command, DocumentQuery query)
    {
        sql.Append(" WHERE pk = $pk");
        command.Parameters.AddWithValue("$pk", query.PartitionKey);
        var index = 0;
        foreach (var filter in query.Filters)
        {
            sql.Append(" AND ");
            if (filter.Operator == FilterOperator.In)
            {
                var parts = ((JsonArray)filter.Value).Select(v => Comparison(filter.Field, "=", v!, command, ref index));
                sql.Append('(').Append(string.Join(" OR ", parts)).Append(')');
                continue;
            }

            sql.Append(filter.Operator switch
            {
                FilterOperator.Eq => Comparison(filter.Field, "=", filter.Value, command, ref index),
                FilterOperator.Ne => Comparison(filter.Field, "<>", filter.Value, command, ref index),
                FilterOperator.Lt => Comparison(filter.Field, "<", filter.Value, command, ref index),
                FilterOperator.Le => Comparison(filter.Field, "<=", filter.Value, command, ref index),
                FilterOperator.Gt => Comparison(filter.Field, ">", filter.Value, command, ref index),
                FilterOperator.Ge => Comparison(filter.Field, ">=", filter.Value, command, ref index),
                FilterOperator.StartsWith => TextFunction(filter.Field, "substr({0}, 1, length({1})) = {1}", filter.Value, command, ref index),
                FilterOperator.Contains => TextFunction(filter.Field, "instr({0}, {1}) > 0", filter.Value, command, ref index),
                _ => throw new ArgumentOutOfRangeException(nameof(query), filter.Operator, "Unknown filter operator."),
            });
        }
    }

    public static string OrderBy(DocumentQuery query) => query.OrderBy is { } order
        ? $" ORDER BY {Extract(order.Field)} {(order.Descending ? "DESC" : "ASC")}, id"
        : " ORDER BY id";

    private static string Comparison(string field, string op, JsonNode value, SqliteCommand command, ref int index)
    {
        var type = $"json_type(body, '$.{field}')";
        var kind = value.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            var literal = kind == JsonValueKind.True ? "'true'" : "'false'";
            return op switch
            {
                "=" => $"{type} = {literal}",
                "<>" => $"{type} IN ('true', 'false') AND {type} <> {literal}",
                _ => throw new ArgumentException($"Booleans only support Eq and Ne ('{field}')."),
            };
        }

        var name = $"$p{index++}";
        if (kind == JsonValueKind.String)
        {
            command.Parameters.AddWithValue(name, value.GetValue<string>());
            return $"({type} = 'text' AND {Extract(field)} {op} {name})";
        }

        var number = (JsonValue)value;
        command.Parameters.AddWithValue(name, JsonNumbers.TryInt64(number, out var l) ? l : JsonNumbers.ToDouble(number));
        return $"({type} IN ('integer', 'real') AND {Extract(field)} {op} {name})";
    }

    private static string TextFunction(string field, string template, JsonNode value, SqliteCommand command, ref int index)
    {
        var name = $"$p{index++}";
        command.Parameters.AddWithValue(name, value.GetValue<string>());
        return $"(json_type(body, '$.{field}') = 'text' AND {string.Format(CultureInfo.InvariantCulture, template, Extract(field), name)})";
    }
}
