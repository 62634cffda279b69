using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Serverless.Storage.Documents;

namespace Serverless.Storage.Azure.Cosmos;

/// <summary>
/// Turns a <see cref="DocumentQuery"/> into Cosmos DB SQL. The partition key is named in the WHERE clause as well
/// as in the request options: the service needs only the latter, the local stand-in needs both.
/// </summary>
internal static class CosmosQueryTranslator
{
    public static QueryDefinition Translate(DocumentQuery query)
    {
        var sql = new StringBuilder($"SELECT * FROM c WHERE c.{Document.PartitionKeyProperty} = @pk");
        var parameters = new List<(string Name, object? Value)> { ("@pk", query.PartitionKey) };
        foreach (var filter in query.Filters)
        {
            var field = Path(filter.Field);
            sql.Append(" AND ");
            if (filter.Operator == FilterOperator.In)
            {
                var names = ((JsonArray)filter.Value).Select(v => Add(parameters, v!)).ToList();
                sql.Append(field).Append(" IN (").Append(string.Join(", ", names)).Append(')');
                continue;
            }

            var p = Add(parameters, filter.Value);
            sql.Append(filter.Operator switch
            {
                FilterOperator.Eq => $"{field} = {p}",
                FilterOperator.Ne => $"{field} != {p}",
                FilterOperator.Lt => $"{field} < {p}",
                FilterOperator.Le => $"{field} <= {p}",
                FilterOperator.Gt => $"{field} > {p}",
                FilterOperator.Ge => $"{field} >= {p}",
                FilterOperator.StartsWith => $"STARTSWITH({field}, {p})",
                FilterOperator.Contains => $"CONTAINS({field}, {p})",
                _ => throw new ArgumentOutOfRangeException(nameof(query), filter.Operator, "Unknown filter operator."),
            });
        }

        if (query.OrderBy is { } order)
        {
            sql.Append(" ORDER BY ").Append(Path(order.Field)).Append(order.Descending ? " DESC" : " ASC");
        }

        var definition = new QueryDefinition(sql.ToString());
        foreach (var (name, value) in parameters)
        {
            definition.WithParameter(name, value);
        }

        return definition;
    }

    /// <summary>Dotted path to Cosmos SQL; identifiers were validated by DocumentRules.Field.</summary>
    public static string Path(string field) => "c." + field;

    private static string Add(List<(string Name, object? Value)> parameters, JsonNode value)
    {
        var name = $"@p{parameters.Count}";
        parameters.Add((name, value));
        return name;
    }
}
