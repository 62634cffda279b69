using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Runtime.Statistics;

/// <summary>Turns counts and durations into <see cref="InstanceStatistics"/>: the one definition of every figure
/// (rates, nearest-rank percentiles, the order of the workflows, every bucket of the series), shared by the SQLite
/// runtime, which feeds it what its statements counted, and the listing-based statistics, which feed it instance by
/// instance. Instances outside the query's range or workflow are not counted.</summary>
public sealed class InstanceStatisticsBuilder
{
    /// <summary>More buckets than this is a caller's mistake (GET /api/stats refuses far fewer).</summary>
    public const int MaxBuckets = 100_000;

    private readonly StatisticsQuery query;
    private readonly long fromMs;
    private readonly long toMs;
    private readonly DateTimeOffset origin;
    private readonly long sizeMs;
    private readonly int[] executions;
    private readonly int[] completed;
    private readonly int[] failed;
    private readonly Dictionary<string, WorkflowTally> workflows = new(StringComparer.Ordinal);

    public InstanceStatisticsBuilder(StatisticsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = StatisticsBuckets.Count(query.From, query.To, query.Bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxBuckets, nameof(query));
        this.query = query;
        fromMs = query.From.ToUnixTimeMilliseconds();
        toMs = query.To.ToUnixTimeMilliseconds();
        origin = StatisticsBuckets.Floor(query.From, query.Bucket);
        sizeMs = (long)StatisticsBuckets.Size(query.Bucket).TotalMilliseconds;
        executions = new int[count];
        completed = new int[count];
        failed = new int[count];
    }

    /// <summary>Instances counted so far.</summary>
    public int Count { get; private set; }

    /// <summary>The Unix milliseconds where bucket 0 of the series starts.</summary>
    public long OriginMs => origin.ToUnixTimeMilliseconds();

    public long BucketMs => sizeMs;

    /// <summary>Whether an instance of <paramref name="workflowId"/> created at <paramref name="createdAt"/> is counted.</summary>
    public bool Covers(string workflowId, DateTimeOffset createdAt)
    {
        var createdMs = createdAt.ToUnixTimeMilliseconds();
        return createdMs >= fromMs && createdMs < toMs
            && (query.WorkflowId is not { } only || string.Equals(only, workflowId, StringComparison.Ordinal));
    }

    /// <summary>Counts one instance everywhere it belongs; false when it is outside the query.</summary>
    public bool Add(string workflowId, InstanceStatus status, DateTimeOffset createdAt, DateTimeOffset? endedAt)
    {
        if (!Covers(workflowId, createdAt))
        {
            return false;
        }

        var createdMs = createdAt.ToUnixTimeMilliseconds();
        AddCounts(workflowId, status, 1, createdMs);
        if (endedAt is { } ended && IsFinished(status))
        {
            AddDuration(workflowId, Math.Max(0, ended.ToUnixTimeMilliseconds() - createdMs));
        }

        AddBucket((int)((createdMs - OriginMs) / sizeMs), 1, status == InstanceStatus.Completed ? 1 : 0, status == InstanceStatus.Failed ? 1 : 0);
        return true;
    }

    /// <summary>Completed, Failed and Terminated instances have a duration; the others are running.</summary>
    public static bool IsFinished(InstanceStatus status) => status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated;

    /// <summary>Adds <paramref name="instances"/> instances of one workflow in one status, the newest created at <paramref name="lastCreatedMs"/>.</summary>
    public void AddCounts(string workflowId, InstanceStatus status, int instances, long lastCreatedMs)
    {
        Tally(workflowId).Add(status, instances, lastCreatedMs);
        Count += instances;
    }

    /// <summary>Adds the creation-to-end milliseconds of one finished instance.</summary>
    public void AddDuration(string workflowId, long durationMs) => Tally(workflowId).Durations.Add(durationMs);

    /// <summary>Adds to bucket <paramref name="index"/> of the series (0 starts at <see cref="OriginMs"/>).</summary>
    public void AddBucket(int index, int instances, int completedCount, int failedCount)
    {
        executions[index] += instances;
        completed[index] += completedCount;
        failed[index] += failedCount;
    }

    public InstanceStatistics Build(bool truncated = false)
    {
        var perWorkflow = workflows
            .OrderByDescending(w => w.Value.Executions).ThenBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new WorkflowStatistics(w.Key, w.Value.Executions, w.Value.Completed, w.Value.Failed, w.Value.Terminated,
                w.Value.Running, Rate(w.Value.Completed, w.Value.Failed, w.Value.Terminated),
                DateTimeOffset.FromUnixTimeMilliseconds(w.Value.LastCreatedMs), Percentiles(w.Value.Durations)))
            .ToList();
        var all = workflows.Values.ToList();
        int Sum(Func<WorkflowTally, int> figure) => all.Sum(figure);
        var (c, f, t) = (Sum(w => w.Completed), Sum(w => w.Failed), Sum(w => w.Terminated));
        var totals = new StatisticsTotals(Sum(w => w.Executions), c, f, t, Sum(w => w.Running), Rate(c, f, t),
            Percentiles([.. all.SelectMany(w => w.Durations)]));
        var series = Enumerable.Range(0, executions.Length)
            .Select(i => new StatisticsPoint(origin.AddMilliseconds(i * sizeMs), executions[i], completed[i], failed[i]))
            .ToList();
        return new InstanceStatistics(query.From, query.To, query.Bucket, totals, perWorkflow, series, truncated);
    }

    private WorkflowTally Tally(string workflowId)
    {
        if (!workflows.TryGetValue(workflowId, out var tally))
        {
            tally = new WorkflowTally();
            workflows.Add(workflowId, tally);
        }

        return tally;
    }

    private static double? Rate(int completedCount, int failedCount, int terminatedCount) =>
        completedCount + failedCount + terminatedCount is var finished and > 0 ? (double)completedCount / finished : null;

    private static DurationPercentiles Percentiles(List<long> durations)
    {
        if (durations.Count == 0)
        {
            return new DurationPercentiles(null, null, null, null);
        }

        durations.Sort();
        // Nearest rank: the smallest duration with at least p% of the durations at or below it.
        long Rank(int percent) => durations[(int)((((long)percent * durations.Count) + 99) / 100) - 1];
        return new DurationPercentiles(Rank(50), Rank(95), Rank(99), durations[^1]);
    }

    private sealed class WorkflowTally
    {
        public int Executions { get; private set; }
        public int Completed { get; private set; }
        public int Failed { get; private set; }
        public int Terminated { get; private set; }
        public int Running => Executions - Completed - Failed - Terminated;
        public long LastCreatedMs { get; private set; } = long.MinValue;
        public List<long> Durations { get; } = [];

        public void Add(InstanceStatus status, int instances, long lastCreatedMs)
        {
            Executions += instances;
            Completed += status == InstanceStatus.Completed ? instances : 0;
            Failed += status == InstanceStatus.Failed ? instances : 0;
            Terminated += status == InstanceStatus.Terminated ? instances : 0;
            LastCreatedMs = Math.Max(LastCreatedMs, lastCreatedMs);
        }
    }
}
