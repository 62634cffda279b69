using System.Text.Json.Nodes;
using Serverless.Connectors.ClickUp;

namespace Serverless.Connectors.Sandbox;

/// <summary>ClickUp in sandbox mode: records the documented requests (no token) and answers with deterministic fake
/// tasks shaped like ClickUp's (9-character ids, https://app.clickup.com/t/{id} URLs).</summary>
internal sealed class SandboxClickUpClient(SandboxRecorder recorder) : IClickUpClient
{
    private const string Connector = ClickUpOptions.ConnectorName;
    private const string SandboxListId = "sandbox-list";

    public async Task<ClickUpTask> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = new ClickUpTask(taskId, $"Sandbox task {taskId}", SandboxListId, $"https://app.clickup.com/t/{taskId}", null);
        await recorder.RecordAsync(Connector, nameof(GetTaskAsync),
            new JsonObject { ["method"] = "GET", ["path"] = $"/api/v2/task/{taskId}" }, ToJson(task), cancellationToken);
        return task;
    }

    public async Task<ClickUpTask> CreateSubtaskAsync(string parentTaskId, string name, string description, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var id = SandboxIds.Alphanumeric(recorder.Context.IdempotencyKey, "clickup-subtask");
        var task = new ClickUpTask(id, name, SandboxListId, $"https://app.clickup.com/t/{id}", parentTaskId);
        await recorder.RecordAsync(Connector, nameof(CreateSubtaskAsync), new JsonObject
        {
            ["method"] = "POST",
            ["path"] = $"/api/v2/list/{{list of task {parentTaskId}}}/task",
            ["body"] = ClickUpPayloads.Subtask(parentTaskId, name, description, idempotencyKey),
        }, ToJson(task), cancellationToken);
        return task;
    }

    private static JsonObject ToJson(ClickUpTask task) => new()
    {
        ["id"] = task.Id,
        ["name"] = task.Name,
        ["list"] = new JsonObject { ["id"] = task.ListId },
        ["url"] = task.Url,
        ["parent"] = task.ParentId,
    };
}
