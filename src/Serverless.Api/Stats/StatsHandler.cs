using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;
using Serverless.Engine;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Statistics;

namespace Serverless.Api.Stats;

/// <summary>GET /api/stats?workflowId=&amp;from=&amp;to=&amp;bucket=hour|day: counts, success rates and durations of the
/// instances created in [from, to), per workflow and per bucket, for the console's charts. Without from/to: the
/// last 7 days by day (the default bucket) or the last 48 hours by hour, ending now.</summary>
public sealed class StatsHandler(IInstanceStatistics statistics, TimeProvider time)
{
    /// <summary>Buckets one answer may hold; a wider range must use a larger bucket.</summary>
    public const int MaxBuckets = 400;

    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var errors = new Dictionary<string, string[]>();
        var workflowId = QueryValues.Single(query, "workflowId", out var error);
        Note(errors, "workflowId", error);
        var bucket = ReadBucket(query, out error);
        Note(errors, "bucket", error);
        var from = QueryValues.OptionalTimestamp(query, "from", out error);
        Note(errors, "from", error);
        var to = QueryValues.OptionalTimestamp(query, "to", out error);
        Note(errors, "to", error);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, request.Path);
        }

        var end = to ?? time.GetUtcNow();
        var start = from ?? StatisticsBuckets.DefaultFrom(end, bucket);
        if (start >= end)
        {
            return to is null
                ? ApiProblems.Invalid("from", $"'from' must be earlier than now when 'to' is not given (was '{start:O}').", request.Path)
                : ApiProblems.Invalid("to", "'to' must be later than 'from'.", request.Path);
        }

        var buckets = StatisticsBuckets.Count(start, end, bucket);
        if (buckets > MaxBuckets)
        {
            var name = bucket == StatisticsBucket.Hour ? "hour" : "day";
            return ApiProblems.Invalid("from",
                $"'from' to 'to' spans {buckets} {name} buckets; at most {MaxBuckets} are answered: choose a later 'from'"
                + (bucket == StatisticsBucket.Hour ? " or bucket=day." : "."), request.Path);
        }

        var result = await statistics.ComputeAsync(new StatisticsQuery(start, end, bucket, workflowId), cancellationToken);
        return Results.Json(result, EngineJson.Options);
    }

    private static StatisticsBucket ReadBucket(IQueryCollection query, out string? error)
    {
        var text = QueryValues.Single(query, "bucket", out error);
        switch (text?.ToUpperInvariant())
        {
            case null:
                return StatisticsBucket.Day;
            case "HOUR":
                return StatisticsBucket.Hour;
            case "DAY":
                return StatisticsBucket.Day;
            default:
                error = $"'bucket' must be hour or day (was '{text}').";
                return StatisticsBucket.Day;
        }
    }

    private static void Note(Dictionary<string, string[]> errors, string name, string? error)
    {
        if (error is not null)
        {
            errors[name] = [error];
        }
    }
}
