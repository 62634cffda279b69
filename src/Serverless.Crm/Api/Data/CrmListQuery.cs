using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;

namespace Serverless.Crm.Api.Data;

/// <summary>A list request's filters and page: ?owner_id=3&amp;tag=vip&amp;skip=0&amp;limit=100 (limit 1..1000,
/// default 100). A parameter that is neither a filter of the resource nor skip/limit is refused, so a misspelt
/// filter does not quietly list everything; "code" (an Azure Functions key) is let through.</summary>
internal sealed record CrmListQuery(IReadOnlyList<(CrmFilter Filter, string Value)> Filters, int Skip, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static CrmListQuery Read(CrmResource resource, IQueryCollection query, CrmProblems problems)
    {
        var filters = new List<(CrmFilter, string)>();
        foreach (var name in query.Keys.Where(k => k is not ("skip" or "limit" or "code")))
        {
            if (resource.Filters.FirstOrDefault(f => f.Parameter == name) is not { } filter)
            {
                problems.Add(name, $"'{name}' is not a filter of {resource.Route}; use {string.Join(", ", resource.Filters.Select(f => f.Parameter))}, skip or limit.");
                continue;
            }

            var value = QueryValues.Single(query, name, out var error);
            if (error is not null)
            {
                problems.Add(name, error);
            }
            else if (value is not null)
            {
                filters.Add((filter, value));
            }
        }

        var skip = 0;
        if (QueryValues.Single(query, "skip", out var skipError) is { } skipText
            && (!int.TryParse(skipText, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip < 0))
        {
            skipError = $"'skip' must be a whole number from 0 (was '{skipText}').";
        }

        if (skipError is not null)
        {
            problems.Add("skip", skipError);
        }

        var limit = QueryValues.OptionalPositiveInt(query, "limit", out var limitError, max: MaxLimit);
        if (limitError is not null)
        {
            problems.Add("limit", limitError);
        }

        return new CrmListQuery(filters, skip, limit ?? DefaultLimit);
    }

    public bool Matches(JsonObject record) => Filters.All(f => Matches(Find(record, f.Filter.Path), f.Value));

    private static bool Matches(JsonNode? node, string value) => node switch
    {
        null => false,
        JsonArray items => items.Any(i => Matches(i, value)),
        JsonObject => false,
        _ => string.Equals(node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString(), value, StringComparison.OrdinalIgnoreCase),
    };

    private static JsonNode? Find(JsonObject record, string path)
    {
        JsonNode? node = record;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }
}
