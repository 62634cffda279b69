using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Approvals.Configuration;
using Serverless.Connectors.Sandbox;
using Serverless.Runtime.Abstractions;

namespace Serverless.Approvals.Slack;

/// <summary>Slack Web API in sandbox mode (no bot token, or a dry run): records the call it would have made (never
/// the token) and answers like Slack, with a ts derived from the idempotency key.</summary>
internal sealed class SandboxSlackWebApi(ActivityContext context, ISandboxCallLog log, TimeProvider time) : ISlackWebApi
{
    public async Task<SlackMessageRef> PostMessageAsync(string channel, string text, JsonArray blocks, CancellationToken cancellationToken)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{context.IdempotencyKey}\n{channel}"));
        var ts = $"{1_700_000_000 + BitConverter.ToUInt32(hash, 0) % 100_000_000}.{BitConverter.ToUInt32(hash, 4) % 1_000_000:D6}";
        var posted = new SlackMessageRef(channel, ts);
        await RecordAsync("chat.postMessage", new JsonObject { ["channel"] = channel, ["text"] = text, ["blocks"] = blocks?.DeepClone() },
            new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts }, cancellationToken);
        return posted;
    }

    public Task UpdateMessageAsync(SlackMessageRef message, string text, JsonArray blocks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return RecordAsync("chat.update",
            new JsonObject { ["channel"] = message.Channel, ["ts"] = message.Ts, ["text"] = text, ["blocks"] = blocks?.DeepClone() },
            new JsonObject { ["ok"] = true, ["channel"] = message.Channel, ["ts"] = message.Ts }, cancellationToken);
    }

    private Task RecordAsync(string operation, JsonObject request, JsonNode result, CancellationToken cancellationToken) =>
        log.RecordAsync(new SandboxCall(SlackApprovalOptions.ConnectorName, operation, context.InstanceId, context.WorkflowId,
            context.StepKey, context.IdempotencyKey, request, result, time.GetUtcNow()), cancellationToken);
}
