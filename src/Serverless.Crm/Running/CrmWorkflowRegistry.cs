using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Crm.Workflows;
using Serverless.Crm.Workflows.Store;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Catalog;

namespace Serverless.Crm.Running;

/// <summary>
/// The CRM workflows this process knows, compiled. Every version of every workflow is registered in the engine's
/// catalog (without triggers: the CRM decides what starts them, by status), so a running execution finds the version
/// it started with on either runtime. Loaded at start; a write through this process updates it at once; changes made
/// by another process (another Functions instance) are picked up when the snapshot is older than
/// Crm:RefreshSeconds, recompiling only what changed.
/// </summary>
public sealed partial class CrmWorkflowRegistry(
    ICrmWorkflowStore store, IWorkflowCatalog catalog, TimeProvider time, IOptions<CrmOptions> options, ILogger<CrmWorkflowRegistry> logger) : IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private CrmWorkflowSnapshot? snapshot;
    private DateTimeOffset loadedAt;

    /// <summary>The current snapshot, reloaded first when it is older than the refresh interval.</summary>
    public async ValueTask<CrmWorkflowSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } current)
        {
            return current;
        }

        return await LoadAsync(onlyIfStale: true, cancellationToken);
    }

    /// <summary>Reads every workflow and version from the store, compiling what this process has not yet.</summary>
    public Task<CrmWorkflowSnapshot> LoadAsync(CancellationToken cancellationToken = default) => LoadAsync(onlyIfStale: false, cancellationToken);

    private CrmWorkflowSnapshot? Fresh()
    {
        var current = Volatile.Read(ref snapshot);
        return current is not null && time.GetUtcNow() - loadedAt < TimeSpan.FromSeconds(options.Value.RefreshSeconds) ? current : null;
    }

    private async Task<CrmWorkflowSnapshot> LoadAsync(bool onlyIfStale, CancellationToken cancellationToken)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            // Callers that found the snapshot stale while another was reloading it take that reload's result.
            if (onlyIfStale && Fresh() is { } reloaded)
            {
                return reloaded;
            }

            var known = Volatile.Read(ref snapshot)?.ById ?? new Dictionary<string, CrmCompiledWorkflow>();
            foreach (var version in await store.AllVersionsAsync(cancellationToken))
            {
                if (catalog.Find(CrmNames.WorkflowIdPrefix + version.WorkflowId, version.Version) is null)
                {
                    Compile(version.WorkflowId, version.Definition, CrmWorkflowStatuses.Draft, version.Version);
                }
            }

            var compiled = new List<CrmCompiledWorkflow>();
            foreach (var workflow in await store.ListAsync(cancellationToken))
            {
                if (known.TryGetValue(workflow.Id, out var same) && same.Workflow.Version == workflow.Version && same.Workflow.Status == workflow.Status)
                {
                    compiled.Add(same with { Workflow = workflow });
                }
                else if (Compile(workflow) is { } fresh)
                {
                    compiled.Add(fresh);
                }
            }

            var next = new CrmWorkflowSnapshot(compiled);
            Volatile.Write(ref snapshot, next);
            loadedAt = time.GetUtcNow();
            return next;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>After a write through this process: the workflow's new state, compiled and registered, at once.</summary>
    public CrmCompiledWorkflow? Put(CrmWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var compiled = Compile(workflow);
        Swap(all =>
        {
            all.Remove(workflow.Id);
            if (compiled is not null)
            {
                all[workflow.Id] = compiled;
            }
        });
        return compiled;
    }

    public void Remove(string workflowId) => Swap(all => all.Remove(workflowId));

    public void Dispose() => loading.Dispose();

    /// <summary>The compiled version <paramref name="version"/> of a workflow, from the catalog or read and compiled
    /// from the store; null when there is no such version.</summary>
    public async Task<WorkflowDefinition?> VersionAsync(string workflowId, int version, CancellationToken cancellationToken = default)
    {
        if (catalog.Find(CrmNames.WorkflowIdPrefix + workflowId, version) is { } registered)
        {
            return registered;
        }

        return await store.VersionAsync(workflowId, version, cancellationToken) is { } stored
            ? Compile(workflowId, stored.Definition, CrmWorkflowStatuses.Draft, version)?.Definition
            : null;
    }

    private void Swap(Action<Dictionary<string, CrmCompiledWorkflow>> change)
    {
        var all = new Dictionary<string, CrmCompiledWorkflow>(Volatile.Read(ref snapshot)?.ById ?? new Dictionary<string, CrmCompiledWorkflow>(), StringComparer.Ordinal);
        change(all);
        Volatile.Write(ref snapshot, new CrmWorkflowSnapshot(all.Values));
    }

    private CrmCompiledWorkflow? Compile(CrmWorkflow workflow)
    {
        var compiled = Compile(workflow.Id, workflow.Definition, workflow.Status, workflow.Version);
        return compiled is null ? null : compiled with { Workflow = workflow };
    }

    private CrmCompiledWorkflow? Compile(string workflowId, System.Text.Json.Nodes.JsonObject definition, string status, int version)
    {
        var seed = definition.DeepClone().AsObject();
        seed["status"] = status;
        var read = CrmWorkflowValidator.Validate(seed);
        if (read.Spec is null || !read.Succeeded)
        {
            LogInvalid(workflowId, version, string.Join(" ", read.Problems.Select(p => $"{p.Path}: {p.Message}")));
            return null;
        }

        var result = CrmWorkflowCompiler.Compile(read.Spec, CrmNames.WorkflowIdPrefix + workflowId, version);
        if (!result.Succeeded)
        {
            LogInvalid(workflowId, version, string.Join(" ", result.Problems.Select(p => $"{p.Path}: {p.Message}")));
            return null;
        }

        catalog.Register(result.Definition! with { Triggers = [] });
        var placeholder = new CrmWorkflow { Id = workflowId, Version = version, Status = status, Definition = definition };
        return new CrmCompiledWorkflow(placeholder, read.Spec, result.Definition!);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "CRM workflow {WorkflowId} version {Version} in the store does not compile and is not run: {Problems}")]
    private partial void LogInvalid(string workflowId, int version, string problems);
}
