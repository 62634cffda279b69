using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Store;

namespace Serverless.Bench.ConsolePage;

/// <summary>Fills a fresh runtime database with finished and open instances, the way the pump leaves them: the
/// runtime's own <see cref="RuntimeDatabase"/> creates the file and its tables, then one transaction inserts the
/// rows with the columns the pump writes and a serialized <see cref="InstanceState"/> each.</summary>
internal static class InstanceSeeder
{
    public static readonly TimeSpan Spread = TimeSpan.FromDays(30);

    /// <summary>The repository's workflow ids, by share of the runs (request-handler most, hello-approval rarest).</summary>
    public static readonly (string Id, int Weight)[] Workflows =
    [
        ("request-handler", 40), ("email-ticket", 25), ("helpdesk-ticket", 20), ("hello", 9), ("helpdesk-batch", 5), ("hello-approval", 1),
    ];

    private static readonly (InstanceStatus Status, int Weight)[] Statuses =
    [
        (InstanceStatus.Completed, 85), (InstanceStatus.Failed, 6), (InstanceStatus.Running, 3), (InstanceStatus.Waiting, 3), (InstanceStatus.Terminated, 3),
    ];

    private static readonly string[] Parameters = ["$id", "$wf", "$status", "$state", "$created", "$ended", "$dry", "$step", "$kind", "$message"];

    private static readonly string[] Steps = ["read", "classify", "update-crm", "notify"];

    public static SeedResult Seed(string dataFolder, int count, int seed, DateTimeOffset now)
    {
        var clock = Stopwatch.StartNew();
        var database = new RuntimeDatabase(Options.Create(new WorkflowRuntimeOptions { DataFolder = dataFolder }));
        var random = new Random(seed);
        var samples = new Dictionary<InstanceStatus, string>();
        using (var connection = database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO instances (id, workflow_id, version, status, state, created_at, ended_at, dry_run,
                    idempotency_key, parent_id, failed_step, error_kind, error_message)
                VALUES ($id, $wf, 1, $status, $state, $created, $ended, $dry, NULL, NULL, $step, $kind, $message)
                """;
            var p = Parameters.ToDictionary(n => n, n => insert.Parameters.Add(n, Microsoft.Data.Sqlite.SqliteType.Text));
            insert.Prepare();
            for (var i = 0; i < count; i++)
            {
                var state = NewState(random, now);
                var created = state.StartedAt!.Value;
                p["$id"].Value = state.InstanceId;
                p["$wf"].Value = state.WorkflowId;
                p["$status"].Value = state.Status.ToString();
                p["$state"].Value = state.ToJson();
                p["$created"].Value = created.ToUnixTimeMilliseconds();
                p["$ended"].Value = state.EndedAt is { } ended ? ended.ToUnixTimeMilliseconds() : DBNull.Value;
                p["$dry"].Value = state.DryRun ? 1 : 0;
                p["$step"].Value = (object?)state.Error?.StepId ?? DBNull.Value;
                p["$kind"].Value = (object?)state.Error?.Kind ?? DBNull.Value;
                p["$message"].Value = (object?)state.Error?.Message ?? DBNull.Value;
                insert.ExecuteNonQuery();
                samples.TryAdd(state.Status, state.InstanceId);
            }

            transaction.Commit();
        }

        using var check = database.Open();
        using var counts = check.CreateCommand();
        counts.CommandText = "SELECT status, COUNT(*), SUM(dry_run) FROM instances GROUP BY status ORDER BY 2 DESC";
        var byStatus = new List<(string Status, long Count, long DryRuns)>();
        using (var reader = counts.ExecuteReader())
        {
            while (reader.Read())
            {
                byStatus.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        return new SeedResult(database.FilePath, byStatus, samples, clock.Elapsed);
    }

    private static InstanceState NewState(Random random, DateTimeOffset now)
    {
        var id = new byte[16];
        random.NextBytes(id);
        var state = InstanceState.Create(new Guid(id).ToString("N"), Pick(random, Workflows), 1);
        state.Status = Pick(random, Statuses);
        state.DryRun = random.Next(10) == 0;
        var created = now - TimeSpan.FromMilliseconds(random.NextInt64((long)Spread.TotalMilliseconds));
        state.StartedAt = created;
        state.Input = new JsonObject { ["ticketId"] = random.Next(1, 1_000_000), ["subject"] = $"Request {random.Next(100_000)}", ["channel"] = "email" };
        var open = state.Status is InstanceStatus.Running or InstanceStatus.Waiting;
        var stepCount = open || state.Status != InstanceStatus.Completed ? random.Next(1, Steps.Length + 1) : Steps.Length;
        var at = created;
        for (var s = 0; s < stepCount; s++)
        {
            var last = s == stepCount - 1;
            var took = TimeSpan.FromMilliseconds(random.Next(5, 900));
            var step = new StepRecord { Key = Steps[s], StepId = Steps[s], Type = "activity", StartedAt = at, Attempts = 1, Input = new JsonObject { ["ticketId"] = state.Input["ticketId"]!.GetValue<int>() } };
            step.Status = !last ? StepStatus.Completed : state.Status switch
            {
                InstanceStatus.Running => StepStatus.Running,
                InstanceStatus.Waiting => StepStatus.Waiting,
                InstanceStatus.Failed => StepStatus.Failed,
                InstanceStatus.Terminated => StepStatus.Skipped,
                _ => StepStatus.Completed,
            };
            if (step.Status is StepStatus.Completed or StepStatus.Failed or StepStatus.Skipped)
            {
                at += took;
                step.EndedAt = at;
                step.Output = step.Status == StepStatus.Completed ? new JsonObject { ["ok"] = true, ["ms"] = took.TotalMilliseconds } : null;
            }

            state.Timeline.Add(step);
        }

        if (state.Status == InstanceStatus.Failed)
        {
            state.Error = new ErrorInfo("ActivityFailed", "HTTP 503 from the CRM after 3 attempts.", state.Timeline[^1].StepId);
            state.Timeline[^1].Error = state.Error;
            state.Timeline[^1].Attempts = 3;
        }
        else if (state.Status == InstanceStatus.Completed)
        {
            state.Output = new JsonObject { ["result"] = "done" };
        }

        state.EndedAt = open ? null : at;
        return state;
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}

internal sealed record SeedResult(
    string DatabaseFile,
    IReadOnlyList<(string Status, long Count, long DryRuns)> ByStatus,
    IReadOnlyDictionary<InstanceStatus, string> SampleIds,
    TimeSpan Elapsed)
{
    public long Total => ByStatus.Sum(s => s.Count);
}
