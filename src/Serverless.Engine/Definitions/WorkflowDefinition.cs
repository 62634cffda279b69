using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Serverless.Engine.Definitions;

/// <summary>A workflow as users write it: triggers that start it and the steps it runs.</summary>
public sealed record WorkflowDefinition
{
    public required string Id { get; init; }

    /// <summary>Increases with every change; a running instance keeps the version it started with.</summary>
    public int Version { get; init; } = 1;

    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<Trigger> Triggers { get; init; } = [];
    public IReadOnlyList<Step> Steps { get; init; } = [];

    /// <summary>Template for the instance output; when absent the output is the workflow's variables.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? Output { get; init; }
}
