using Serverless.Crm.Workflows;
using Serverless.Crm.Workflows.Store;
using Serverless.Engine.Definitions;

namespace Serverless.Crm.Running;

/// <summary>A workflow with its current version compiled: the definition keeps its triggers (the dispatcher and
/// the jobs read them); the catalog holds the same definition without triggers.</summary>
public sealed record CrmCompiledWorkflow(CrmWorkflow Workflow, CrmWorkflowSpec Spec, WorkflowDefinition Definition)
{
    public bool IsActive => Workflow.Status == CrmWorkflowStatuses.Active && !Workflow.IsTemplate;

    /// <summary>The action types of this version, by index (what the execution log names).</summary>
    public IReadOnlyList<string> ActionTypes => [.. Spec.Actions.Select(a => a.Type)];
}

/// <summary>
/// What the dispatcher matches a change against, built once per change of the workflow set: the active workflows
/// by channel (a change costs the workflows listening on its channel, not all of them), the active scheduled ones,
/// and every workflow by id.
/// </summary>
public sealed class CrmWorkflowSnapshot
{
    private readonly Dictionary<string, CrmCompiledWorkflow[]> byChannel;

    public CrmWorkflowSnapshot(IEnumerable<CrmCompiledWorkflow> workflows)
    {
        ById = workflows.ToDictionary(w => w.Workflow.Id, StringComparer.Ordinal);
        var active = ById.Values.Where(w => w.IsActive).OrderBy(w => w.Workflow.Id, StringComparer.Ordinal).ToList();
        byChannel = active
            .SelectMany(w => w.Definition.Triggers.OfType<EventTrigger>().Select(t => (t.Channel, Workflow: w)))
            .GroupBy(p => p.Channel, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Workflow).Distinct().ToArray(), StringComparer.Ordinal);
        Scheduled = [.. active.Where(w => w.Definition.Triggers.OfType<ScheduleTrigger>().Any())];
        ActiveCount = active.Count;
    }

    public static CrmWorkflowSnapshot Empty { get; } = new([]);

    public IReadOnlyDictionary<string, CrmCompiledWorkflow> ById { get; }

    public IReadOnlyList<CrmCompiledWorkflow> Scheduled { get; }

    public int ActiveCount { get; }

    /// <summary>The active workflows with an event trigger on <paramref name="channel"/>.</summary>
    public IReadOnlyList<CrmCompiledWorkflow> ListeningOn(string channel) =>
        byChannel.TryGetValue(channel, out var workflows) ? workflows : [];
}
