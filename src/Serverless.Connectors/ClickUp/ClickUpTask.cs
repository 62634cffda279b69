namespace Serverless.Connectors.ClickUp;

/// <summary>A ClickUp task as the connector returns it (ListId: the list it lives in; ParentId: set for subtasks).</summary>
public sealed record ClickUpTask(string Id, string Name, string ListId, string Url, string? ParentId);
