using System.Text.Json.Serialization;

namespace Serverless.Runtime.Abstractions;

/// <summary>Counts, success rates and durations of the instances created in a time range, for charts
/// (GET /api/stats). The SQLite runtime aggregates in its database; other runtimes page through their listing.</summary>
public interface IInstanceStatistics
{
    Task<InstanceStatistics> ComputeAsync(StatisticsQuery query, CancellationToken cancellationToken = default);
}

public enum StatisticsBucket
{
    [JsonStringEnumMemberName("hour")]
    Hour,

    [JsonStringEnumMemberName("day")]
    Day,
}

/// <summary>Instances created in [<see cref="From"/>, <see cref="To"/>), optionally of one workflow, with a
/// series of <see cref="Bucket"/>-long UTC buckets starting at the bucket that holds <see cref="From"/>.</summary>
public sealed record StatisticsQuery(DateTimeOffset From, DateTimeOffset To, StatisticsBucket Bucket, string? WorkflowId = null);

/// <summary><see cref="Series"/> holds every bucket of the range, empty ones included. <see cref="Truncated"/> says
/// the figures cover only the first instances a runtime could read (the listing-based statistics stop at a cap).</summary>
public sealed record InstanceStatistics(
    DateTimeOffset From,
    DateTimeOffset To,
    StatisticsBucket Bucket,
    StatisticsTotals Totals,
    IReadOnlyList<WorkflowStatistics> Workflows,
    IReadOnlyList<StatisticsPoint> Series,
    bool Truncated);

/// <summary><see cref="Running"/> counts Pending, Running and Waiting instances. <see cref="SuccessRate"/> is
/// completed / (completed + failed + terminated), from 0 to 1, null when none of them finished.</summary>
public sealed record StatisticsTotals(
    int Executions,
    int Completed,
    int Failed,
    int Terminated,
    int Running,
    double? SuccessRate,
    DurationPercentiles DurationMs);

/// <summary>One workflow's figures; <see cref="LastRunAt"/> is the creation time of its newest instance in the range.</summary>
public sealed record WorkflowStatistics(
    string WorkflowId,
    int Executions,
    int Completed,
    int Failed,
    int Terminated,
    int Running,
    double? SuccessRate,
    DateTimeOffset? LastRunAt,
    DurationPercentiles DurationMs);

/// <summary>Milliseconds from creation to end of the finished (Completed, Failed, Terminated) instances, nearest-rank
/// percentiles (a duration that occurred, never an interpolation); all null when none finished.</summary>
public sealed record DurationPercentiles(long? P50, long? P95, long? P99, long? Max);

/// <summary>Instances created in the bucket that starts at <see cref="Start"/> (UTC).</summary>
public sealed record StatisticsPoint(DateTimeOffset Start, int Executions, int Completed, int Failed);
