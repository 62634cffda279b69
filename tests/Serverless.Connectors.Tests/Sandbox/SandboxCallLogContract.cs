using System.Text.Json.Nodes;
using Serverless.Connectors.Sandbox;

namespace Serverless.Connectors.Tests.Sandbox;

/// <summary>What every <see cref="ISandboxCallLog"/> must do: a call recorded again with the same idempotency key,
/// connector, operation and request is kept once, even when both arrive at once; calls list oldest first, per
/// instance. Instance ids are unique per test, so a shared backend (Azurite) needs no cleanup.</summary>
public abstract class SandboxCallLogContract : IDisposable
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..12];

    protected abstract ConnectorTestHost Host { get; }

    protected ISandboxCallLog Log => Host.CallLog;

    [Fact]
    public async Task ConcurrentCalls_WithRetries_AreEachRecordedOncePerInstance()
    {
        // 400 distinct calls over 4 instances, each sent twice at once (an at-least-once retry racing the first try).
        var calls = Enumerable.Range(0, 400).Select(i => Call(Instance($"batch-{i % 4}"), $"key-{i}", i)).ToList();
        await Task.WhenAll(calls.Concat(calls).Select(c => Task.Run(() => Log.RecordAsync(c, default))));

        for (var instance = 0; instance < 4; instance++)
        {
            var listed = await Log.ListAsync(Instance($"batch-{instance}"), default);
            listed.Should().HaveCount(100);
            listed.Select(c => c.IdempotencyKey).Should().OnlyHaveUniqueItems();
        }
    }

    [Fact]
    public async Task RecordedCall_IsReadableRightAfterRecordAsyncReturns_WithEveryField()
    {
        var at = new DateTimeOffset(2026, 5, 1, 8, 30, 0, TimeSpan.FromHours(2)).AddTicks(1234567);
        var call = new SandboxCall("Slack", "chat.postMessage", Instance("fields"), "wf", "notify", "k-1",
            new JsonObject { ["text"] = "héllo / #1?", ["n"] = 1.5 }, new JsonObject { ["ts"] = "1.2" }, at);

        await Log.RecordAsync(call, default);

        var read = (await Log.ListAsync(Instance("fields"), default)).Should().ContainSingle().Subject;
        read.Should().BeEquivalentTo(call, o => o.Excluding(c => c.Request).Excluding(c => c.Result));
        read.RecordedAt.Should().Be(at);
        read.Request.ToJsonString().Should().Be(call.Request.ToJsonString());
        read.Result!.ToJsonString().Should().Be(call.Result!.ToJsonString());
    }

    [Fact]
    public async Task SameKey_SameRequest_KeepsTheFirstEntry_ButAnotherRequestOrOperationIsANewEntry()
    {
        var first = Call(Instance("dedup"), "k", 1);
        await Log.RecordAsync(first, default);
        await Log.RecordAsync(first with { RecordedAt = first.RecordedAt.AddMinutes(1), Result = new JsonObject() }, default);
        await Log.RecordAsync(Call(Instance("dedup"), "k", 2) with { RecordedAt = first.RecordedAt.AddMinutes(2) }, default);
        await Log.RecordAsync(first with { Operation = "UpdateTicketAsync", RecordedAt = first.RecordedAt.AddMinutes(3) }, default);

        var listed = await Log.ListAsync(Instance("dedup"), default);

        listed.Should().HaveCount(3);
        listed[0].Result.Should().BeNull("the first recording is the one kept");
        listed[0].RecordedAt.Should().Be(first.RecordedAt);
    }

    [Fact]
    public async Task List_ReturnsOldestFirst_AndOnlyThatInstance()
    {
        // Recorded one after the other, as the steps of one instance are; row keys (hashes) sort differently.
        var start = DateTimeOffset.UtcNow;
        foreach (var i in Enumerable.Range(1, 12))
        {
            await Log.RecordAsync(Call(Instance("order"), $"k{i}", i) with { RecordedAt = start.AddSeconds(i) }, default);
        }

        await Log.RecordAsync(Call(Instance("other"), "k9", 9), default);

        (await Log.ListAsync(Instance("order"), default)).Select(c => c.IdempotencyKey).Should().Equal(Enumerable.Range(1, 12).Select(i => $"k{i}"));
        (await Log.ListAsync(Instance("none"), default)).Should().BeEmpty();
    }

    public void Dispose()
    {
        Host.Dispose();
        GC.SuppressFinalize(this);
    }

    protected string Instance(string name) => $"{_run}-{name}";

    protected static SandboxCall Call(string instanceId, string key, int n) =>
        new("HubSpot", "CreateTicketAsync", instanceId, "request-handler", "ticket", key, new JsonObject { ["n"] = n }, null, DateTimeOffset.UtcNow);
}
