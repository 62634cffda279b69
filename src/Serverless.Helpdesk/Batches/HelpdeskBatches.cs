using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Engine.Interpreter;
using Serverless.Helpdesk.Queue;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Batches;

/// <summary>
/// Starting and following batches, host-agnostic (the embedded runtime or Durable Functions behind
/// <see cref="IWorkflowClient"/>). One batch runs at a time: starting while one is unfinished (a host killed
/// mid-batch and restarted resumes it) returns that batch, so running the same command again after a crash
/// continues it instead of processing tickets twice.
/// </summary>
public sealed class HelpdeskBatches(IWorkflowClient workflows, HelpdeskBatchStore store, HelpdeskQueue queue, TimeProvider time)
{
    private static readonly InstanceStatus[] Unfinished = [InstanceStatus.Pending, InstanceStatus.Running, InstanceStatus.Waiting];

    public async Task<BatchStart> StartAsync(BatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await UnfinishedAsync(cancellationToken) is { } running)
        {
            return new BatchStart(running.InstanceId, Resumed: true, running.DryRun);
        }

        var id = HelpdeskNames.BatchInstancePrefix + time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd_HHmmss_fff", CultureInfo.InvariantCulture);
        var input = new JsonObject
        {
            ["count"] = request.Count,
            ["delaySeconds"] = request.DelaySeconds,
            ["ticketId"] = request.TicketId,
            ["today"] = request.Today,
        };
        var started = await workflows.StartAsync(new StartRequest(HelpdeskNames.BatchWorkflow, input, InstanceId: id, DryRun: request.DryRun), cancellationToken);
        return new BatchStart(started.InstanceId, Resumed: false, request.DryRun);
    }

    public async Task<InstanceSummary?> UnfinishedAsync(CancellationToken cancellationToken)
    {
        foreach (var status in Unfinished)
        {
            var page = await workflows.ListAsync(new InstanceQuery(HelpdeskNames.BatchWorkflow, status, Limit: 1), cancellationToken);
            if (page.Items.Count > 0)
            {
                return page.Items[0];
            }
        }

        return null;
    }

    /// <summary>Where a batch is: null when there is no such batch.</summary>
    public async Task<BatchProgress?> ProgressAsync(string batchId, CancellationToken cancellationToken)
    {
        var instance = await workflows.GetAsync(batchId, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        var batch = await store.GetAsync(batchId, cancellationToken);
        var results = await store.ListResultsAsync(batchId, cancellationToken);
        var done = results.Select(r => r["ticket_id"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var tickets = batch?.Tickets ?? [];
        var current = instance.Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated
            ? null
            : tickets.FirstOrDefault(t => !done.Contains(t.Id));
        return new BatchProgress(batchId, instance.Status.ToString(), instance.DryRun, tickets.Count, results.Count, current,
            BatchSummary.OfResults(results), results, instance.Error?.Message, batch?.StartedAt ?? instance.CreatedAt, instance.EndedAt);
    }

    /// <summary>The seed's --status: pending and processed counts, processed split by outcome, the running batch.</summary>
    public async Task<JsonObject> StatusAsync(CancellationToken cancellationToken)
    {
        var pending = await queue.ListPendingAsync(cancellationToken);
        var processed = await queue.ListProcessedAsync(cancellationToken);
        var succeeded = processed.Where(p => p.Success).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var summary = BatchSummary.Of(processed.Select(p => (p.Success, p.TriageAction, p.DraftCreated)));
        var running = await UnfinishedAsync(cancellationToken);
        var json = new JsonObject
        {
            ["pending"] = pending.Count(p => !succeeded.Contains(p.Id)),
            ["processed"] = processed.Count,
            ["summary"] = summary.ToJson(),
            ["failures"] = new JsonArray(processed.Where(p => !p.Success).Select(p => (JsonNode?)new JsonObject { ["id"] = p.Id, ["error"] = p.Error, ["processed_at"] = p.ProcessedAt.ToString("O", CultureInfo.InvariantCulture) }).ToArray()),
            ["running_batch"] = running?.InstanceId,
            ["newest_pending"] = pending.Count > 0 ? pending[0].ToJson() : null,
        };
        return json;
    }
}

/// <summary>A batch's progress: status of its instance, tickets done of total, the ticket in work, the summary so
/// far and each ticket's result.</summary>
public sealed record BatchProgress(
    string BatchId,
    string Status,
    bool DryRun,
    int Total,
    int Done,
    PendingTicket? Current,
    BatchSummary Summary,
    IReadOnlyList<JsonObject> Results,
    string? Error,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt)
{
    public bool Finished => Status is nameof(InstanceStatus.Completed) or nameof(InstanceStatus.Failed) or nameof(InstanceStatus.Terminated);

    public JsonObject ToJson(bool withResults) => new()
    {
        ["batch_id"] = BatchId,
        ["status"] = Status,
        ["finished"] = Finished,
        ["dry_run"] = DryRun,
        ["total"] = Total,
        ["done"] = Done,
        ["current"] = Current?.ToJson(),
        ["summary"] = Summary.ToJson(),
        ["error"] = Error,
        ["started_at"] = StartedAt.ToString("O", CultureInfo.InvariantCulture),
        ["ended_at"] = EndedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["results"] = withResults ? new JsonArray(Results.Select(r => (JsonNode?)r.DeepClone()).ToArray()) : null,
    };
}
