using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Crm.Data;
using Serverless.Storage.Documents;

namespace Serverless.Crm.Workflows.Store;

/// <summary>
/// <see cref="ICrmWorkflowStore"/> on the document store: collection crm-workflows (one document per workflow, id
/// = the seed's integer id) and crm-workflow-versions (id "{workflow}.v{version}"), partition "crm" as the rest of
/// the built-in CRM. Ids come from the "workflows" sequence of <see cref="ICrmStore.NextNumberAsync"/>.
/// </summary>
public sealed class DocumentCrmWorkflowStore(IDocumentStore documents, ICrmStore crm, TimeProvider time) : ICrmWorkflowStore
{
    public const string Collection = "crm-workflows";
    public const string VersionsCollection = "crm-workflow-versions";
    public const string Sequence = "workflows";
    private const string Partition = DocumentCrmStore.PartitionKey;

    public async Task<CrmWorkflow?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await documents.ReadAsync(Collection, Partition, id, cancellationToken) is { } document ? Read(document) : null;

    public async Task<IReadOnlyList<CrmWorkflow>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await DocumentPages.AllAsync(documents, Collection, [], cancellationToken)).Select(Read).OrderBy(w => Number(w.Id)).ThenBy(w => w.Id, StringComparer.Ordinal)];

    public async Task<CrmWorkflow> CreateAsync(CrmWorkflow workflow, string change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var id = (await crm.NextNumberAsync(Sequence, cancellationToken)).ToString(CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();
        var stored = workflow with { Id = id, Version = 1, CreatedAt = now, UpdatedAt = now };
        await SaveVersionAsync(stored, change, now, cancellationToken);
        var written = await documents.CreateAsync(Collection, Write(stored), cancellationToken);
        return stored with { ETag = written.ETag };
    }

    public async Task<CrmWorkflow> ReplaceAsync(CrmWorkflow workflow, string change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var now = time.GetUtcNow();
        var stored = workflow with { UpdatedAt = now };
        var previous = await documents.ReadAsync(Collection, Partition, workflow.Id, cancellationToken);
        if (previous is not null && Read(previous).Version < stored.Version)
        {
            // The version first: a crash in between leaves an unused version, never a workflow without its version.
            await SaveVersionAsync(stored, change, now, cancellationToken);
        }

        var written = await documents.ReplaceAsync(Collection, Write(stored), workflow.ETag ?? previous?.ETag
            ?? throw new KeyNotFoundException($"There is no workflow '{workflow.Id}'."), cancellationToken);
        return stored with { ETag = written.ETag };
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        foreach (var version in await VersionsAsync(id, cancellationToken))
        {
            await documents.DeleteAsync(VersionsCollection, Partition, VersionId(id, version.Version), cancellationToken: cancellationToken);
        }

        return await documents.DeleteAsync(Collection, Partition, id, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<CrmWorkflowVersion>> VersionsAsync(string id, CancellationToken cancellationToken = default) =>
        [.. (await DocumentPages.AllAsync(documents, VersionsCollection, [QueryFilter.Eq("workflow_id", JsonValue.Create(id))], cancellationToken))
            .Select(ReadVersion).OrderBy(v => v.Version)];

    public async Task<CrmWorkflowVersion?> VersionAsync(string id, int version, CancellationToken cancellationToken = default) =>
        await documents.ReadAsync(VersionsCollection, Partition, VersionId(id, version), cancellationToken) is { } document ? ReadVersion(document) : null;

    public async Task<IReadOnlyList<CrmWorkflowVersion>> AllVersionsAsync(CancellationToken cancellationToken = default) =>
        [.. (await DocumentPages.AllAsync(documents, VersionsCollection, [], cancellationToken)).Select(ReadVersion)];

    public static string VersionId(string workflowId, int version) => $"{workflowId}.v{version.ToString(CultureInfo.InvariantCulture)}";

    private async Task SaveVersionAsync(CrmWorkflow workflow, string change, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["workflow_id"] = workflow.Id,
            ["version"] = workflow.Version,
            ["definition"] = workflow.Definition.DeepClone(),
            ["created_at"] = at,
            ["change"] = change,
            ["by"] = workflow.CreatedBy,
        };
        await documents.UpsertAsync(VersionsCollection, new Document(VersionId(workflow.Id, workflow.Version), Partition, body), cancellationToken);
    }

    private static long Number(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;

    private static Document Write(CrmWorkflow workflow) => new(workflow.Id, Partition, new JsonObject
    {
        ["version"] = workflow.Version,
        ["status"] = workflow.Status,
        ["definition"] = workflow.Definition.DeepClone(),
        ["created_by"] = workflow.CreatedBy,
        ["created_at"] = workflow.CreatedAt,
        ["updated_at"] = workflow.UpdatedAt,
    });

    private static CrmWorkflow Read(Document document) => new()
    {
        Id = document.Id,
        Version = document.Body["version"]!.GetValue<int>(),
        Status = document.Body["status"]!.GetValue<string>(),
        Definition = document.Body["definition"]!.DeepClone().AsObject(),
        CreatedBy = document.Body["created_by"]?.GetValue<string>(),
        CreatedAt = document.Body["created_at"]!.GetValue<DateTimeOffset>(),
        UpdatedAt = document.Body["updated_at"]!.GetValue<DateTimeOffset>(),
        ETag = document.ETag,
    };

    private static CrmWorkflowVersion ReadVersion(Document document) => new(
        document.Body["workflow_id"]!.GetValue<string>(),
        document.Body["version"]!.GetValue<int>(),
        document.Body["definition"]!.DeepClone().AsObject(),
        document.Body["created_at"]!.GetValue<DateTimeOffset>(),
        document.Body["change"]?.GetValue<string>() ?? "",
        document.Body["by"]?.GetValue<string>());
}
