namespace Serverless.Crm.Workflows.Store;

/// <summary>Where CRM workflows and every version of their definitions live.</summary>
public interface ICrmWorkflowStore
{
    Task<CrmWorkflow?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every workflow, by id (numeric order).</summary>
    Task<IReadOnlyList<CrmWorkflow>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a new workflow (version 1, its first version kept); its id is taken from the sequence.</summary>
    Task<CrmWorkflow> CreateAsync(CrmWorkflow workflow, string change, CancellationToken cancellationToken = default);

    /// <summary>Replaces the workflow if nobody wrote since <see cref="CrmWorkflow.ETag"/>; when its version is
    /// higher than the stored one, that version is kept too. <see cref="Storage.Errors.ETagMismatchException"/> on a lost race.</summary>
    Task<CrmWorkflow> ReplaceAsync(CrmWorkflow workflow, string change, CancellationToken cancellationToken = default);

    /// <summary>Deletes the workflow and its versions; false when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CrmWorkflowVersion>> VersionsAsync(string id, CancellationToken cancellationToken = default);

    Task<CrmWorkflowVersion?> VersionAsync(string id, int version, CancellationToken cancellationToken = default);

    /// <summary>Every version of every workflow (what the catalog is filled with at start).</summary>
    Task<IReadOnlyList<CrmWorkflowVersion>> AllVersionsAsync(CancellationToken cancellationToken = default);
}
