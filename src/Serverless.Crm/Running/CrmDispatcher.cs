using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Crm.Changes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Expressions;

namespace Serverless.Crm.Running;

/// <summary>
/// Starts the workflows a CRM change concerns: the active workflows with an event trigger on the change's channel
/// whose trigger condition (stage from/to, inactivity days and entity type) holds; each once per event id. The
/// workflow's own conditions run inside the execution (false: SKIPPED). Loop protection: a change whose cause chain
/// is already Crm:MaxCascadeDepth executions long starts nothing, and says so to the action that made it (its output
/// carries the stop, so the execution log shows where the cascade was cut).
/// </summary>
public sealed partial class CrmDispatcher(
    CrmWorkflowRegistry registry,
    CrmContextBuilder contexts,
    CrmWorkflowRunner runner,
    TimeProvider time,
    IOptions<CrmOptions> options,
    ILogger<CrmDispatcher> logger) : ICrmEventSink
{
    public async Task<CrmDispatchResult> PublishAsync(CrmChangeEvent change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var listening = snapshot.ListeningOn(change.Channel);
        if (listening.Count == 0)
        {
            return CrmDispatchResult.None;
        }

        var depth = options.Value.MaxCascadeDepth;
        if (change.CauseChain.Count >= depth)
        {
            var reason = $"Loop protection: {change.Channel} on {change.EntityType} {change.EntityId} was caused by a chain of {change.CauseChain.Count} executions "
                + $"(Crm:MaxCascadeDepth {depth}); {listening.Count} workflow(s) listening were not started. Chain: {string.Join(" -> ", change.CauseChain)}.";
            LogCascadeStopped(change.Channel, change.EntityType, change.EntityId, change.CauseChain.Count);
            return new CrmDispatchResult([], reason);
        }

        var context = await contexts.ForChangeAsync(change, cancellationToken);
        var started = new List<string>();
        foreach (var workflow in Matching(snapshot, change.Channel, context))
        {
            var run = await runner.StartAsync(
                new CrmRunRequest(workflow, context, change.EventId, CrmRunKinds.Event, EventId: change.EventId), cancellationToken);
            started.Add(run.ExecutionId);
        }

        return new CrmDispatchResult(started);
    }

    /// <summary>The active workflows of <paramref name="snapshot"/> a change on <paramref name="channel"/> with this
    /// context (<see cref="CrmContextBuilder.ForChangeAsync"/>) starts: listening on the channel, trigger condition
    /// true. Starts nothing (what <see cref="PublishAsync"/> starts; the matching benchmark times it alone).</summary>
    public IReadOnlyList<CrmCompiledWorkflow> Matching(CrmWorkflowSnapshot snapshot, string channel, JsonObject context)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(context);
        var listening = snapshot.ListeningOn(channel);
        if (listening.Count == 0)
        {
            return [];
        }

        var scope = new ObjectScope(new JsonObject { ["payload"] = context.DeepClone(), ["channel"] = channel });
        var now = time.GetUtcNow();
        var matching = new List<CrmCompiledWorkflow>();
        foreach (var workflow in listening)
        {
            if (Matches(workflow, channel, scope, now))
            {
                matching.Add(workflow);
            }
        }

        return matching;
    }

    private bool Matches(CrmCompiledWorkflow workflow, string channel, ObjectScope scope, DateTimeOffset now)
    {
        foreach (var trigger in workflow.Definition.Triggers.OfType<EventTrigger>())
        {
            if (!string.Equals(trigger.Channel, channel, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                if (trigger.Condition is null || Conditions.Evaluate(trigger.Condition, scope, now))
                {
                    return true;
                }
            }
            catch (ExpressionException ex)
            {
                LogConditionFailed(ex, workflow.Workflow.Id, channel);
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loop protection: {Channel} on {EntityType} {EntityId} (cascade depth {Depth}) started no workflow")]
    private partial void LogCascadeStopped(string channel, string entityType, string entityId, int depth);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger condition of CRM workflow {WorkflowId} failed on {Channel}")]
    private partial void LogConditionFailed(Exception exception, string workflowId, string channel);
}
