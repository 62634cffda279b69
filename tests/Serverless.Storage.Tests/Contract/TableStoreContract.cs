using Microsoft.Extensions.Time.Testing;
using Serverless.Storage.Dedup;
using Serverless.Storage.Errors;
using Serverless.Storage.Tables;

namespace Serverless.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="ITableStore"/> adapter must show. Each test works in its own partition; the
/// store's clock is <see cref="Time"/>, which tests move forward to make rows expire.
/// </summary>
public abstract class TableStoreContract
{
    protected const string Table = "contractrows";

    protected abstract ITableStore Store { get; }

    protected abstract FakeTimeProvider Time { get; }

    private readonly string _pk = "p-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task TryInsert_NewRow_ReturnsTrueAndGetReadsItWithETag()
    {
        (await Store.TryInsertAsync(Table, Row("a", "{\"n\":1}"))).Should().BeTrue();

        var read = await Store.GetAsync(Table, _pk, "a");

        read.Should().NotBeNull();
        read!.PartitionKey.Should().Be(_pk);
        read.RowKey.Should().Be("a");
        read.Value.Should().Be("{\"n\":1}");
        read.ExpiresAt.Should().BeNull();
        read.ETag.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task TryInsert_ExistingRow_ReturnsFalseAndKeepsTheFirstValue()
    {
        await Store.TryInsertAsync(Table, Row("dup", "first"));

        (await Store.TryInsertAsync(Table, Row("dup", "second"))).Should().BeFalse();

        (await Store.GetAsync(Table, _pk, "dup"))!.Value.Should().Be("first");
    }

    [Fact]
    public async Task TryInsert_ManyAtOnce_ExactlyOneWins()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => Store.TryInsertAsync(Table, Row("race", $"v{i}")))));

        results.Count(won => won).Should().Be(1);
    }

    [Fact]
    public async Task TryInsert_OverAnExpiredRow_TakesItOver()
    {
        await Store.TryInsertAsync(Table, Row("ttl", "old", Time.GetUtcNow().AddMinutes(1)));
        Time.Advance(TimeSpan.FromMinutes(2));

        (await Store.TryInsertAsync(Table, Row("ttl", "new"))).Should().BeTrue();

        (await Store.GetAsync(Table, _pk, "ttl"))!.Value.Should().Be("new");
    }

    [Fact]
    public async Task Get_MissingRow_ReturnsNull()
    {
        (await Store.GetAsync(Table, _pk, "nope")).Should().BeNull();
    }

    [Fact]
    public async Task Get_ExpiredRow_ReadsAsAbsent()
    {
        var expires = Time.GetUtcNow().AddSeconds(30);
        await Store.UpsertAsync(Table, Row("short", "v", expires));
        (await Store.GetAsync(Table, _pk, "short"))!.ExpiresAt.Should().BeCloseTo(expires, TimeSpan.FromMilliseconds(1));

        Time.Advance(TimeSpan.FromSeconds(30));

        (await Store.GetAsync(Table, _pk, "short")).Should().BeNull();
    }

    [Fact]
    public async Task Upsert_Twice_OverwritesAndChangesETag()
    {
        var first = await Store.UpsertAsync(Table, Row("u", "1"));
        var second = await Store.UpsertAsync(Table, Row("u", "2"));

        second.Should().NotBe(first);
        var read = await Store.GetAsync(Table, _pk, "u");
        read!.Value.Should().Be("2");
        read.ETag.Should().Be(second);
    }

    [Fact]
    public async Task TryReplace_WithCurrentETag_StoresAndReturnsNewETag()
    {
        var etag = await Store.UpsertAsync(Table, Row("r", "1"));

        var replaced = await Store.TryReplaceAsync(Table, Row("r", "2"), etag);

        replaced.Should().NotBeNullOrEmpty().And.NotBe(etag);
        (await Store.GetAsync(Table, _pk, "r"))!.Value.Should().Be("2");
    }

    [Fact]
    public async Task TryReplace_WithStaleETag_ReturnsNullAndKeepsTheRow()
    {
        var stale = await Store.UpsertAsync(Table, Row("s", "1"));
        await Store.UpsertAsync(Table, Row("s", "2"));

        (await Store.TryReplaceAsync(Table, Row("s", "3"), stale)).Should().BeNull();

        (await Store.GetAsync(Table, _pk, "s"))!.Value.Should().Be("2");
    }

    [Fact]
    public async Task TryReplace_TwoWritersWithTheSameETag_OnlyOneWins()
    {
        var etag = await Store.UpsertAsync(Table, Row("two", "0"));

        var results = await Task.WhenAll(Task.Run(() => Store.TryReplaceAsync(Table, Row("two", "a"), etag)),
            Task.Run(() => Store.TryReplaceAsync(Table, Row("two", "b"), etag)));

        results.Count(r => r is not null).Should().Be(1);
    }

    [Fact]
    public async Task TryReplace_DeletedRow_ReturnsNull()
    {
        var etag = await Store.UpsertAsync(Table, Row("gone", "1"));
        await Store.DeleteAsync(Table, _pk, "gone");

        (await Store.TryReplaceAsync(Table, Row("gone", "2"), etag)).Should().BeNull();
        (await Store.GetAsync(Table, _pk, "gone")).Should().BeNull();
    }

    [Fact]
    public async Task Delete_ExistingRow_ReturnsTrueOnceAndRemovesIt()
    {
        await Store.UpsertAsync(Table, Row("d", "1"));

        (await Store.DeleteAsync(Table, _pk, "d")).Should().BeTrue();
        (await Store.DeleteAsync(Table, _pk, "d")).Should().BeFalse();
        (await Store.GetAsync(Table, _pk, "d")).Should().BeNull();
    }

    [Fact]
    public async Task Query_OnePartition_ReturnsLiveRowsInRowKeyOrderPageByPage()
    {
        foreach (var key in new[] { "05", "01", "07", "03", "02", "06", "04" })
        {
            await Store.UpsertAsync(Table, Row(key, "v" + key));
        }

        await Store.UpsertAsync(Table, Row("08", "expiring", Time.GetUtcNow().AddSeconds(1)));
        await Store.UpsertAsync(Table, new TableRow(_pk + "-other", "00", "elsewhere"));
        Time.Advance(TimeSpan.FromSeconds(1));

        var keys = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.QueryAsync(Table, _pk, pageSize: 3, continuationToken: token);
            page.Rows.Count.Should().BeLessThanOrEqualTo(3);
            keys.AddRange(page.Rows.Select(r => r.RowKey));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        keys.Should().Equal("01", "02", "03", "04", "05", "06", "07");
        pages.Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Query_EmptyPartition_ReturnsNoRowsAndNoToken()
    {
        var page = await Store.QueryAsync(Table, _pk + "-empty");

        page.Rows.Should().BeEmpty();
        page.ContinuationToken.Should().BeNull();
    }

    [Fact]
    public async Task Sweep_DeletesExpiredRowsOnly()
    {
        await Store.UpsertAsync(Table, Row("old1", "v", Time.GetUtcNow().AddSeconds(5)));
        await Store.UpsertAsync(Table, Row("old2", "v", Time.GetUtcNow().AddSeconds(5)));
        await Store.UpsertAsync(Table, Row("later", "v", Time.GetUtcNow().AddHours(1)));
        await Store.UpsertAsync(Table, Row("never", "v"));
        Time.Advance(TimeSpan.FromSeconds(10));

        (await Store.SweepExpiredAsync(Table)).Should().BeGreaterThanOrEqualTo(2);

        (await Store.DeleteAsync(Table, _pk, "old1")).Should().BeFalse();
        var left = (await Store.QueryAsync(Table, _pk)).Rows.Select(r => r.RowKey);
        left.Should().BeEquivalentTo(["later", "never"]);
    }

    [Fact]
    public async Task Keys_WithCharactersAzureRefuses_RoundTrip()
    {
        var pk = _pk + "/a\\b#c?d~7E\u0001";
        var rk = "x/y?z#~2F\t";

        (await Store.TryInsertAsync(Table, new TableRow(pk, rk, "odd"))).Should().BeTrue();

        (await Store.GetAsync(Table, pk, rk))!.Value.Should().Be("odd");
        var listed = (await Store.QueryAsync(Table, pk)).Rows.Should().ContainSingle().Subject;
        listed.PartitionKey.Should().Be(pk);
        listed.RowKey.Should().Be(rk);
        (await Store.GetAsync(Table, pk, "x/y?z#/\t")).Should().BeNull("'~2F' and '/' are different keys");
    }

    [Fact]
    public async Task Value_LargerThanOneStringProperty_RoundTripsWithoutSplittingCharacters()
    {
        var value = string.Concat(Enumerable.Repeat("😀é", 40_000));

        await Store.UpsertAsync(Table, Row("big", value));

        (await Store.GetAsync(Table, _pk, "big"))!.Value.Should().Be(value);
    }

    [Fact]
    public async Task Value_OverTheLimit_ThrowsPayloadTooLarge()
    {
        var act = () => Store.UpsertAsync(Table, Row("huge", new string('x', 256 * 1024 + 1)));

        await act.Should().ThrowAsync<PayloadTooLargeException>();
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Rows")]
    [InlineData("dedup-keys")]
    [InlineData("tables")]
    public async Task TableName_InvalidForAzure_IsRefusedEverywhere(string table)
    {
        var act = () => Store.GetAsync(table, _pk, "a");

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*Table name*");
    }

    [Fact]
    public async Task DedupKeys_SameKeyTwiceWithinTtl_TrueThenFalse_AndTrueAgainAfterTtl()
    {
        var keys = new TableDedupKeys(Store, Time);

        (await keys.TryClaimAsync(_pk, "k", TimeSpan.FromMinutes(5))).Should().BeTrue();
        (await keys.TryClaimAsync(_pk, "k", TimeSpan.FromMinutes(5))).Should().BeFalse();
        (await keys.TryClaimAsync(_pk + "-other-scope", "k", TimeSpan.FromMinutes(5))).Should().BeTrue();
        Time.Advance(TimeSpan.FromMinutes(5));

        (await keys.TryClaimAsync(_pk, "k", TimeSpan.FromMinutes(5))).Should().BeTrue();
    }

    [Fact]
    public async Task DedupKeys_VeryLongKeys_AreClaimedByHash()
    {
        var keys = new TableDedupKeys(Store, Time);
        var key = new string('k', 1000);

        (await keys.TryClaimAsync(_pk, key, TimeSpan.FromMinutes(1))).Should().BeTrue();
        (await keys.TryClaimAsync(_pk, key, TimeSpan.FromMinutes(1))).Should().BeFalse();
        (await keys.TryClaimAsync(_pk, key + "!", TimeSpan.FromMinutes(1))).Should().BeTrue();
    }

    [Fact]
    public async Task ReplayGuard_SameSignatureOnTwoHosts_IsFirstOnce_AndTheResendReadsTheRecordedInstance()
    {
        var (first, second) = (new SignedRequestReplayGuard(new TableDedupKeys(Store, Time)), new SignedRequestReplayGuard(new TableDedupKeys(Store, Time)));
        var tolerance = TimeSpan.FromMinutes(5);

        var claims = await Task.WhenAll(
            Task.Run(() => first.ClaimAsync(_pk, "v0=ABC123", tolerance, default)),
            Task.Run(() => second.ClaimAsync(_pk, " v0=abc123 ", tolerance, default)));
        claims.Count(c => c.IsFirst).Should().Be(1, "the signature is compared trimmed and lower-cased");
        claims.Single(c => !c.IsFirst).Outcome.Should().BeNull("the first has recorded nothing yet");

        await first.RecordAsync(_pk, "v0=abc123", "instance-1", tolerance, default);

        (await second.ClaimAsync(_pk, "v0=abc123", tolerance, default)).Should().Be(new ReplayClaim(false, "instance-1"));
        (await second.ClaimAsync(_pk, "v0=other", tolerance, default)).IsFirst.Should().BeTrue();
    }

    [Fact]
    public async Task ReplayGuard_RemembersTheWholeSignatureWindow_AndForgetsAReleasedClaim()
    {
        var guard = new SignedRequestReplayGuard(new TableDedupKeys(Store, Time));
        var tolerance = TimeSpan.FromMinutes(5);
        await guard.ClaimAsync(_pk, "sig", tolerance, default);
        await guard.RecordAsync(_pk, "sig", "instance-1", tolerance, default);

        Time.Advance(2 * tolerance);
        (await guard.ClaimAsync(_pk, "sig", tolerance, default)).IsFirst.Should().BeFalse("a request still inside the window must be recognised");
        Time.Advance(SignedRequestReplayGuard.ClockSkew);
        (await guard.ClaimAsync(_pk, "sig", tolerance, default)).IsFirst.Should().BeTrue();

        await guard.ClaimAsync(_pk, "released", tolerance, default);
        await guard.ReleaseAsync(_pk, "released", default);
        (await guard.ClaimAsync(_pk, "released", tolerance, default)).IsFirst.Should().BeTrue();
    }

    private TableRow Row(string rowKey, string value, DateTimeOffset? expiresAt = null) => new(_pk, rowKey, value, expiresAt);
}
