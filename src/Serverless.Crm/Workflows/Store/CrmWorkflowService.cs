using System.Text.Json.Nodes;
using Serverless.Crm.Running;
using Serverless.Storage.Errors;

namespace Serverless.Crm.Workflows.Store;

/// <summary>The outcome of a write: the workflow, or the problems (each with its JSON path) that refused it.</summary>
public sealed record CrmWorkflowWrite(CrmWorkflow? Workflow, IReadOnlyList<CrmWorkflowProblem> Problems)
{
    public bool Succeeded => Workflow is not null && Problems.Count == 0;

    public static CrmWorkflowWrite Refused(IReadOnlyList<CrmWorkflowProblem> problems) => new(null, problems);
}

/// <summary>
/// Creating, changing and versioning CRM workflows. Every write validates the whole seed document first (all
/// problems at once, nothing stored when there is one), stores it, and updates this process's registry at once. A
/// change of the definition is a new version (the old one kept: executions running it go on with it); a status
/// change is not. Lost races (two updates at once) are retried on the newer state.
/// </summary>
public sealed class CrmWorkflowService(ICrmWorkflowStore store, CrmWorkflowRegistry registry)
{
    private const int Attempts = 5;

    public Task<CrmWorkflow?> GetAsync(string id, CancellationToken cancellationToken = default) => store.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<CrmWorkflow>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    /// <summary>POST /api/v1/workflows: the seed's document (status defaults to DRAFT).</summary>
    public async Task<CrmWorkflowWrite> CreateAsync(JsonNode? body, string? by, string change = "created", CancellationToken cancellationToken = default)
    {
        var read = CrmWorkflowValidator.Validate(body);
        if (!read.Succeeded)
        {
            return CrmWorkflowWrite.Refused(read.Problems);
        }

        var spec = read.Spec!;
        var compiled = CrmWorkflowCompiler.Compile(spec, CrmNames.WorkflowIdPrefix + "0");
        if (!compiled.Succeeded)
        {
            return CrmWorkflowWrite.Refused(compiled.Problems);
        }

        var created = await store.CreateAsync(new CrmWorkflow
        {
            Id = "0",
            Version = 1,
            Status = spec.Status,
            Definition = DefinitionOf(spec),
            CreatedBy = by,
        }, change, cancellationToken);
        registry.Put(created);
        return new CrmWorkflowWrite(created, []);
    }

    /// <summary>PUT /api/v1/workflows/{id}: the given top-level fields replace the stored ones (the seed's partial
    /// WorkflowUpdate), then the whole document is validated. A new version when the definition changed. Null when
    /// there is no such workflow.</summary>
    public Task<CrmWorkflowWrite?> UpdateAsync(string id, JsonObject changes, string? by, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, current =>
        {
            var merged = current.SeedJson();
            foreach (var (name, value) in changes)
            {
                merged[name] = value?.DeepClone();
            }

            return (merged, "updated");
        }, by, cancellationToken);

    /// <summary>POST /{id}/activate: ACTIVE, INACTIVE or DRAFT (case ignored); the version stays.</summary>
    public Task<CrmWorkflowWrite?> SetStatusAsync(string id, string status, string? by, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, current =>
        {
            var merged = current.SeedJson();
            merged["status"] = status;
            return (merged, "status " + status);
        }, by, cancellationToken);

    /// <summary>POST /{id}/rollback {"version": n}: a new version whose definition is version n's (status kept).</summary>
    public async Task<CrmWorkflowWrite?> RollbackAsync(string id, int version, string? by, CancellationToken cancellationToken = default)
    {
        if (await store.VersionAsync(id, version, cancellationToken) is not { } old)
        {
            return await store.GetAsync(id, cancellationToken) is null
                ? null
                : CrmWorkflowWrite.Refused([new CrmWorkflowProblem("$.version", $"Workflow {id} has no version {version}.")]);
        }

        return await ChangeAsync(id, current =>
        {
            var merged = old.Definition.DeepClone().AsObject();
            merged["status"] = current.Status;
            return (merged, $"rollback to version {version}");
        }, by, cancellationToken);
    }

    /// <summary>POST /{id}/duplicate: a copy named "... (copie)", as a DRAFT, with its own history.</summary>
    public async Task<CrmWorkflowWrite?> DuplicateAsync(string id, string? by, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } source)
        {
            return null;
        }

        var copy = source.SeedJson();
        copy["name"] = $"{source.Name} (copie)";
        copy["status"] = CrmWorkflowStatuses.Draft;
        return await CreateAsync(copy, by, $"duplicated from {id} version {source.Version}", cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var deleted = await store.DeleteAsync(id, cancellationToken);
        registry.Remove(id);
        return deleted;
    }

    public Task<IReadOnlyList<CrmWorkflowVersion>> VersionsAsync(string id, CancellationToken cancellationToken = default) =>
        store.VersionsAsync(id, cancellationToken);

    public Task<CrmWorkflowVersion?> VersionAsync(string id, int version, CancellationToken cancellationToken = default) =>
        store.VersionAsync(id, version, cancellationToken);

    /// <summary>The definition stored: the seed's document without status and without the server's fields.</summary>
    public static JsonObject DefinitionOf(CrmWorkflowSpec spec)
    {
        var json = CrmWorkflowJson.Write(spec);
        json.Remove("status");
        return json;
    }

    private async Task<CrmWorkflowWrite?> ChangeAsync(
        string id, Func<CrmWorkflow, (JsonObject Seed, string Change)> change, string? by, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await store.GetAsync(id, cancellationToken) is not { } current)
            {
                return null;
            }

            var (seed, what) = change(current);
            var read = CrmWorkflowValidator.Validate(seed);
            if (!read.Succeeded)
            {
                return CrmWorkflowWrite.Refused(read.Problems);
            }

            var definition = DefinitionOf(read.Spec!);
            var newVersion = !JsonNode.DeepEquals(definition, current.Definition);
            var next = current with
            {
                Definition = definition,
                Status = read.Spec!.Status,
                Version = newVersion ? current.Version + 1 : current.Version,
            };
            var compiled = CrmWorkflowCompiler.Compile(read.Spec, next.DefinitionId, next.Version);
            if (!compiled.Succeeded)
            {
                return CrmWorkflowWrite.Refused(compiled.Problems);
            }

            try
            {
                var stored = await store.ReplaceAsync(next, newVersion ? $"{what} by {by ?? "api"}" : what, cancellationToken);
                registry.Put(stored);
                return new CrmWorkflowWrite(stored, []);
            }
            catch (ETagMismatchException) when (attempt < Attempts)
            {
                // Someone changed it in between: apply the change to their version.
            }
        }
    }
}
