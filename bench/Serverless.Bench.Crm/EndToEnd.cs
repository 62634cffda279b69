using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Crm.Workflows;
using Serverless.Crm.Workflows.Store;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Dispatch;

namespace Serverless.Bench.Crm;

/// <summary>
/// N changes through CrmChanges.UpdateAsync from K concurrent callers, at full speed: even changes move a deal one
/// stage along the cycle (crm.deal.updated + crm.deal.stage_changed), odd ones change an organisation's score
/// (crm.organisation.updated). Each change starts exactly 2 executions, 1 SUCCESS (3 actions) and 1 SKIPPED; the
/// counts are checked against that at the end, off the instances.
/// </summary>
internal static class EndToEnd
{
    public static async Task<int> RunAsync(int changes, int concurrency, int workflowCount, int entities, IReadOnlyList<string> overrides)
    {
        await using var bench = await BenchHost.StartAsync(overrides);
        var (organisations, deals) = await bench.SeedAsync(entities);
        var service = bench.Services.GetRequiredService<CrmWorkflowService>();
        var definitions = BenchWorkflows.EndToEnd(workflowCount);
        foreach (var definition in definitions)
        {
            var created = await service.CreateAsync(definition, "bench");
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"{definition["name"]}: " + string.Join(" ", created.Problems.Select(p => $"{p.Path}: {p.Message}")));
            }

            var activated = await service.SetStatusAsync(created.Workflow!.Id, CrmWorkflowStatuses.Active, "bench");
            if (activated is not { Succeeded: true })
            {
                throw new InvalidOperationException($"{definition["name"]} was not activated.");
            }
        }

        var runtime = bench.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Serverless.Runtime.Hosting.WorkflowRuntimeOptions>>().Value;
        var durability = runtime.Durability == Serverless.Runtime.Hosting.SqliteDurability.Full ? "Full (WAL, synchronous=FULL)" : "Normal (WAL, synchronous=NORMAL)";
        var crm = bench.Services.GetRequiredService<CrmChanges>();
        var client = bench.Services.GetRequiredService<IWorkflowClient>();
        var notifications = bench.Services.GetRequiredService<InstanceNotifications>();
        const int perChange = 2;
        var expected = (long)changes * perChange;
        var finished = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var finishedCount = 0L;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        notifications.Finished += (_, f) =>
        {
            if (f.WorkflowId.StartsWith(Serverless.Crm.CrmNames.WorkflowIdPrefix, StringComparison.Ordinal)
                && finished.TryAdd(f.InstanceId, Stopwatch.GetTimestamp())
                && Interlocked.Increment(ref finishedCount) == expected)
            {
                allDone.TrySetResult();
            }
        };

        // A short warm-up on entities the measurement does not touch would change the counts; instead the first
        // changes pay the JIT, as a freshly started host does.
        var startedAt = new long[changes];
        var started = new IReadOnlyList<string>[changes];
        var next = -1;
        var dealCursor = -1;
        var orgCursor = -1;
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < changes; i = Interlocked.Increment(ref next))
            {
                startedAt[i] = Stopwatch.GetTimestamp();
                if (i % 2 == 0)
                {
                    var deal = deals[(int)((uint)Interlocked.Increment(ref dealCursor) % (uint)deals.Count)];
                    var write = await crm.UpdateAsync<Deal>(deal.Id, d => d with { Stage = NextStage(d.Stage) })
                        ?? throw new InvalidOperationException($"deal {deal.Id} not found");
                    started[i] = write.Dispatch.Started;
                }
                else
                {
                    var organisation = organisations[(int)((uint)Interlocked.Increment(ref orgCursor) % (uint)organisations.Count)];
                    var score = i;
                    var write = await crm.UpdateAsync<Organisation>(organisation.Id, o => o with
                    {
                        Fields = new Dictionary<string, JsonNode?>(o.Fields) { ["score"] = score },
                    }) ?? throw new InvalidOperationException($"organisation {organisation.Id} not found");
                    started[i] = write.Dispatch.Started;
                }
            }
        })).ToArray();
        await Task.WhenAll(callers);
        var accepted = watch.Elapsed;
        var done = await Task.WhenAny(allDone.Task, Task.Delay(TimeSpan.FromMinutes(10))) == allDone.Task;
        var completed = watch.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var lastFinish = finished.IsEmpty ? 0 : finished.Values.Max();
        var firstStart = startedAt.Min();
        var endToEnd = Stopwatch.GetElapsedTime(firstStart, lastFinish);

        // Change-to-completion: from the call to UpdateAsync to the last of its executions finishing.
        var latencies = new List<double>(changes);
        var startedTotal = 0L;
        var duplicates = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < changes; i++)
        {
            var list = started[i] ?? [];
            startedTotal += list.Count;
            var last = 0L;
            var all = true;
            foreach (var id in list)
            {
                if (!ids.Add(id))
                {
                    duplicates++;
                }

                if (finished.TryGetValue(id, out var at))
                {
                    last = Math.Max(last, at);
                }
                else
                {
                    all = false;
                }
            }

            if (all && list.Count > 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(startedAt[i], last).TotalMilliseconds);
            }
        }

        // The outcomes, read off the instances (what CrmExecutionResults maps to the execution's status).
        var success = 0;
        var skipped = 0;
        var other = 0;
        var actionsCompleted = 0;
        foreach (var id in ids)
        {
            var view = await client.GetAsync(id);
            var outcome = view?.Output?["outcome"]?.ToString();
            if (view?.Status == InstanceStatus.Completed && outcome == CrmExecutionStatuses.Skipped)
            {
                skipped++;
            }
            else if (view?.Status == InstanceStatus.Completed && outcome == CrmExecutionStatuses.Success
                && view.Output?["actions"] is JsonArray actions && actions.Count == 3
                && actions.All(a => a?["status"]?.ToString() == nameof(StepStatus.Completed)))
            {
                success++;
                actionsCompleted += actions.Count;
            }
            else
            {
                other++;
                if (other <= 3)
                {
                    Console.Error.WriteLine($"unexpected: {id} {view?.Status} {view?.Output?.ToJsonString()} {view?.Error?.Message}");
                }
            }
        }

        var store = bench.Services.GetRequiredService<ICrmStore>();
        var tasks = (await store.ListAsync<CrmTask>()).Count;
        var notes = (await store.ListAsync<Notification>()).Count;
        var activities = (await store.ListAsync<CrmActivityRecord>()).Count;

        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Count) - 1, 0, latencies.Count - 1)];
        using var process = Process.GetCurrentProcess();
        var ok = done && startedTotal == expected && duplicates == 0 && success == changes && skipped == changes && other == 0
            && tasks == changes && notes == changes && activities == changes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            CRM changes end to end: {changes} changes (half deal stage moves, half organisation updates) from {concurrency} callers, {definitions.Count} active workflows, {entities} organisations + {entities} deals, runtime durability {durability}, {Environment.ProcessorCount} cores, load average {Program.LoadAverage()}
              changes accepted/s          : {changes / accepted.TotalSeconds:F0}  (write + match + 2 starts each; last accepted after {accepted.TotalSeconds:F1} s)
              changes completed/s         : {changes / endToEnd.TotalSeconds:F0}  (every execution finished; last after {endToEnd.TotalSeconds:F1} s){(done ? "" : "  TIMED OUT")}
              executions/s                : {finished.Count / endToEnd.TotalSeconds:F0}  ({finished.Count} finished of {startedTotal} started, {expected} expected, {duplicates} duplicate ids)
              outcomes                    : {success} SUCCESS (expected {changes}), {skipped} SKIPPED (expected {changes}), {other} other; {actionsCompleted} actions completed
              records written by actions  : {tasks} tasks, {notes} notifications, {activities} activities (expected {changes} each)
              change to completion        : p50 {P(0.50):F0} ms, p95 {P(0.95):F0} ms, p99 {P(0.99):F0} ms, max {(latencies.Count == 0 ? double.NaN : latencies[^1]):F0} ms
              cpu                         : {cpu.TotalSeconds:F1} s for the process ({cpu.TotalMilliseconds / changes * 1000:F0} µs per change)
              peak working set            : {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB
              result                      : {(ok ? "OK" : "COUNTS DIFFER")}
            """));
        return ok ? 0 : 1;
    }

    private static string NextStage(string? stage)
    {
        var i = Array.IndexOf(BenchWorkflows.Stages, stage);
        return BenchWorkflows.Stages[(i + 1) % BenchWorkflows.Stages.Length];
    }
}
