using System.Text.Json.Nodes;
using Serverless.Connectors.Sandbox;

namespace Serverless.Connectors.Tests.Sandbox;

/// <summary>The call log's group commit: concurrent calls share transactions, and a call recorded again with the same
/// idempotency key and request is still kept once, even when both land in the same batch.</summary>
public sealed class SandboxCallLogTests
{
    [Fact]
    public async Task ConcurrentCalls_WithRetries_AreEachRecordedOnceInOrderOfArrivalPerInstance()
    {
        using var host = ConnectorTestHost.Create();
        var log = host.CallLog;

        // 400 distinct calls over 4 instances, each sent twice at once (an at-least-once retry racing the first try).
        var calls = Enumerable.Range(0, 400).Select(i => Call($"batch-{i % 4}", $"key-{i}", i)).ToList();
        await Task.WhenAll(calls.Concat(calls).Select(c => Task.Run(() => log.RecordAsync(c, default))));

        for (var instance = 0; instance < 4; instance++)
        {
            var listed = await log.ListAsync($"batch-{instance}", default);
            listed.Should().HaveCount(100);
            listed.Select(c => c.IdempotencyKey).Should().OnlyHaveUniqueItems();
        }
    }

    [Fact]
    public async Task RecordedCall_IsReadableRightAfterRecordAsyncReturns_AndSurvivesReopening()
    {
        using var host = ConnectorTestHost.Create();
        var path = ((SqliteSandboxCallLog)host.CallLog).DatabasePath;
        await host.CallLog.RecordAsync(Call("reopen-1", "k1", 1), default);

        (await host.CallLog.ListAsync("reopen-1", default)).Should().ContainSingle();
        await using var other = new SqliteSandboxCallLog(path);
        (await other.ListAsync("reopen-1", default)).Should().ContainSingle().Which.Request["n"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task AfterDispose_RecordAsyncThrows()
    {
        using var host = ConnectorTestHost.Create();
        var path = ((SqliteSandboxCallLog)host.CallLog).DatabasePath;
        var log = new SqliteSandboxCallLog(path);
        await log.DisposeAsync();

        var record = () => log.RecordAsync(Call("x", "k", 1), default);

        await record.Should().ThrowAsync<ObjectDisposedException>();
    }

    private static SandboxCall Call(string instanceId, string key, int n) =>
        new("HubSpot", "CreateTicketAsync", instanceId, "request-handler", "ticket", key, new JsonObject { ["n"] = n }, null, DateTimeOffset.UtcNow);
}
