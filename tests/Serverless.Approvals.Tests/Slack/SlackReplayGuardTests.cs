using Microsoft.Extensions.Options;
using Serverless.Approvals.Slack;
using Serverless.Approvals.Tests.Support;
using Serverless.Storage;
using Serverless.Storage.Dedup;
using Serverless.Storage.Tables;
using Serverless.Storage.Tables.Sqlite;

namespace Serverless.Approvals.Tests.Slack;

/// <summary>The replay guard over the shared dedup keys: two hosts (two guards, two store instances on one database)
/// accept a signature once, and forget it only long after the signature window.</summary>
public sealed class SlackReplayGuardTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task FirstSeen_SameSignatureOnTwoHosts_IsAcceptedOnce()
    {
        var (first, second) = (Guard(), Guard());

        var results = await Task.WhenAll(
            Task.Run(() => first.FirstSeenAsync("v0=ABC123", default)),
            Task.Run(() => second.FirstSeenAsync(" v0=abc123 ", default)));

        results.Count(accepted => accepted).Should().Be(1, "the signature is compared trimmed and lower-cased");
        (await first.FirstSeenAsync("v0=other", default)).Should().BeTrue();
    }

    [Fact]
    public async Task FirstSeen_AfterTheTtl_AcceptsTheSignatureAgain_AndTheTtlOutlivesTheSignatureWindow()
    {
        var guard = Guard();
        await guard.FirstSeenAsync("v0=1", default);

        clock.Advance(2 * SlackSignature.MaxAge);
        (await guard.FirstSeenAsync("v0=1", default)).Should().BeFalse("a request still inside the window must stay refused");
        clock.Advance(SlackReplayGuard.Ttl);

        (await guard.FirstSeenAsync("v0=1", default)).Should().BeTrue();
        SlackReplayGuard.Ttl.Should().BeGreaterThan(2 * SlackSignature.MaxAge);
    }

    public void Dispose() => folder.Dispose();

    private SlackReplayGuard Guard()
    {
        var store = new SqliteTableStore(Options.Create(new TableStoreOptions()), Options.Create(new StorageOptions { DataFolder = folder.Path }), clock);
        return new SlackReplayGuard(new TableDedupKeys(store, clock));
    }
}
