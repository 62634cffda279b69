using System.Text.Json.Nodes;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Host.Tests.Support;

internal static class Views
{
    public static readonly DateTimeOffset Created = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static InstanceView Instance(string instanceId, InstanceStatus status, string workflowId = "hello", bool dryRun = false) => new(
        instanceId,
        workflowId,
        1,
        status,
        dryRun,
        Created,
        status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated ? Created.AddSeconds(2) : null,
        new JsonObject { ["name"] = "Ada" },
        status == InstanceStatus.Completed ? new JsonObject { ["message"] = "Hello, Ada!" } : null,
        status == InstanceStatus.Failed ? new ErrorInfo("Permanent", "The mail server refused.", "send") : null,
        null,
        [
            new StepRecord
            {
                Key = "greet", StepId = "greet", Type = "activity", Status = StepStatus.Completed, StartedAt = Created,
                EndedAt = Created.AddSeconds(1), Attempts = 1, Input = new JsonObject { ["name"] = "Ada" },
                Output = new JsonObject { ["message"] = "Hello, Ada!" },
            },
        ]);
}
