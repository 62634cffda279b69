namespace Serverless.Connectors.ClickUp;

/// <summary>The ClickUp API v2 calls the workflows use. Get one from IConnectorProvider&lt;IClickUpClient&gt;.</summary>
public interface IClickUpClient
{
    /// <summary>GET /api/v2/task/{task_id}.</summary>
    Task<ClickUpTask> GetTaskAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>Reads the parent's list, then POST /api/v2/list/{list_id}/task with "parent" set: a subtask.
    /// The description is sent as markdown_description. With an idempotency key, the description ends with the line
    /// "Ref: `key`", the parent is read with include_subtasks=true, and a subtask already carrying that line is
    /// returned instead of creating another one, so a retried creation is safe. Null: no check (duplicates possible).</summary>
    Task<ClickUpTask> CreateSubtaskAsync(string parentTaskId, string name, string description, string? idempotencyKey, CancellationToken cancellationToken);
}
