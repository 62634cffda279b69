using System.Globalization;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;

namespace Serverless.Crm.Api;

/// <summary>Query values and headers of the workflow API: who is asking, one filter, skip/limit paging.</summary>
internal static class CrmRequestValues
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Who made the change: the X-User header when a front end passes it, else "api".</summary>
    public static string By(HttpRequest request) =>
        request.Headers["X-User"].ToString() is { Length: > 0 and <= 200 } user ? user : "api";

    /// <summary>One query value, trimmed; null when absent or blank; a repeated one is a problem in <paramref name="errors"/>.</summary>
    public static string? Query(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        var value = QueryValues.Single(request.Query, name, out var error);
        if (error is not null)
        {
            errors[name] = [error];
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>skip (0 or more, default 0) and limit (1..1000, default 100), the seed's pagination.</summary>
    public static (int Skip, int Limit) Paging(HttpRequest request, Dictionary<string, string[]> errors)
    {
        var skipText = QueryValues.Single(request.Query, "skip", out _);
        var skip = 0;
        if (skipText is not null && (!int.TryParse(skipText, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip < 0))
        {
            errors["skip"] = [$"'skip' must be a whole number, 0 or more (was '{skipText}')."];
        }

        var limit = QueryValues.OptionalPositiveInt(request.Query, "limit", out var limitError, max: MaxLimit);
        if (limitError is not null)
        {
            errors["limit"] = [limitError];
        }

        return (skip, limit ?? DefaultLimit);
    }
}
