using System.Text.Json.Nodes;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Sandbox;

/// <summary>What every sandbox connector shares: the activity it serves, the log and the clock.</summary>
internal sealed class SandboxRecorder(ActivityContext context, ISandboxCallLog log, TimeProvider time)
{
    public ActivityContext Context => context;

    public Task RecordAsync(string connector, string operation, JsonNode request, JsonNode? result, CancellationToken cancellationToken) =>
        log.RecordAsync(new SandboxCall(connector, operation, context.InstanceId, context.WorkflowId, context.StepKey,
            context.IdempotencyKey, request, result, time.GetUtcNow()), cancellationToken);
}
