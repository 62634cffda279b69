using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Storage.Tables;

namespace Serverless.Connectors.Sandbox;

/// <summary>
/// <see cref="ISandboxCallLog"/> on the shared table store, for hosts whose workers do not share a disk (Azure
/// Functions with Storage:Tables:Provider = azure). Partition = instance id; row key = SHA-256 of (idempotency key,
/// connector, operation, request hash), the SQLite log's unique key, written insert-if-absent so a retried call keeps
/// its first entry. The engine's idempotency keys start with the instance id, so deduplicating within the instance's
/// partition is deduplicating globally, as the SQLite log does.
/// Row keys are hashes, so <see cref="ListAsync"/> orders by <see cref="SandboxCall.RecordedAt"/> (then row key for
/// calls recorded in the same tick): oldest first, by the recording host's clock.
/// </summary>
internal sealed class TableSandboxCallLog(ITableStore store) : ISandboxCallLog
{
    public const string Table = "sandboxcalls";

    public async Task RecordAsync(SandboxCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var request = call.Request.ToJsonString();
        var requestHash = Hash(request);
        var rowKey = Hash($"{call.IdempotencyKey}\n{call.Connector}\n{call.Operation}\n{requestHash}");
        var value = new JsonObject
        {
            ["connector"] = call.Connector,
            ["operation"] = call.Operation,
            ["workflowId"] = call.WorkflowId,
            ["stepKey"] = call.StepKey,
            ["idempotencyKey"] = call.IdempotencyKey,
            ["request"] = request,
            ["result"] = call.Result?.ToJsonString(),
            ["recordedAt"] = call.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        // False means the same call is already recorded: nothing to do, as INSERT OR IGNORE.
        await store.TryInsertAsync(Table, new TableRow(call.InstanceId, rowKey, value.ToJsonString()), cancellationToken);
    }

    public async Task<IReadOnlyList<SandboxCall>> ListAsync(string instanceId, CancellationToken cancellationToken)
    {
        var rows = new List<TableRow>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(Table, instanceId, 1000, token, cancellationToken);
            rows.AddRange(page.Rows);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return [.. rows.Select(row => (Row: row, Call: Read(instanceId, row.Value)))
            .OrderBy(c => c.Call.RecordedAt).ThenBy(c => c.Row.RowKey, StringComparer.Ordinal)
            .Select(c => c.Call)];
    }

    private static SandboxCall Read(string instanceId, string value)
    {
        var o = JsonNode.Parse(value)!.AsObject();
        var result = o["result"]?.GetValue<string>();
        return new SandboxCall(
            o["connector"]!.GetValue<string>(), o["operation"]!.GetValue<string>(), instanceId,
            o["workflowId"]!.GetValue<string>(), o["stepKey"]!.GetValue<string>(), o["idempotencyKey"]!.GetValue<string>(),
            JsonNode.Parse(o["request"]!.GetValue<string>())!,
            result is null ? null : JsonNode.Parse(result),
            DateTimeOffset.Parse(o["recordedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
