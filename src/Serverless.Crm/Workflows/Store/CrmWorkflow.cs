using System.Text.Json.Nodes;

namespace Serverless.Crm.Workflows.Store;

/// <summary>
/// A CRM workflow as stored: the seed's definition as the user wrote it (<see cref="Definition"/>: name,
/// description, trigger_type, trigger_config, conditions, actions, is_template; no status), its status, and the
/// version number raised by every change of the definition. Status changes (activate) keep the version.
/// </summary>
public sealed record CrmWorkflow
{
    /// <summary>The seed's integer id, as a decimal string ("1", "2"...).</summary>
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Status { get; init; }

    /// <summary>The seed's JSON without status: what versions, diffs and exports hold.</summary>
    public required JsonObject Definition { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Set by the store on reads; an update passes it back (If-Match).</summary>
    public string? ETag { get; init; }

    /// <summary>Our definition id: crm.workflow.{id}.</summary>
    public string DefinitionId => CrmNames.WorkflowIdPrefix + Id;

    public string Name => Definition["name"]?.ToString() ?? "";

    public string TriggerType => Definition["trigger_type"]?.ToString() ?? "";

    public bool IsTemplate => Definition["is_template"]?.GetValue<bool>() ?? false;

    /// <summary>The seed document: the definition with its status (what the validator reads).</summary>
    public JsonObject SeedJson()
    {
        var json = Definition.DeepClone().AsObject();
        json["status"] = Status;
        return json;
    }
}

/// <summary>One version of a workflow's definition, kept so running executions and rollbacks find it.</summary>
public sealed record CrmWorkflowVersion(string WorkflowId, int Version, JsonObject Definition, DateTimeOffset CreatedAt, string Change, string? By);

/// <summary>The workflows listed: one page and the total matching the filters.</summary>
public sealed record CrmWorkflowPage(IReadOnlyList<CrmWorkflow> Items, int Total);

/// <summary>List filters of GET /api/v1/workflows (each optional).</summary>
public sealed record CrmWorkflowFilter(string? Status = null, string? TriggerType = null, bool? IsTemplate = null);
