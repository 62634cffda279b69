using Serverless.Connectors.Sandbox;

namespace Serverless.Connectors.Tests.Sandbox;

/// <summary>The embedded log (SQLite, group commit): the contract, plus durability across reopening and disposal.</summary>
public sealed class SandboxCallLogTests : SandboxCallLogContract
{
    protected override ConnectorTestHost Host { get; } = ConnectorTestHost.Create();

    [Fact]
    public void Log_WithSqliteTables_IsTheGroupCommitSqliteLog()
    {
        Log.Should().BeOfType<SqliteSandboxCallLog>();
    }

    [Fact]
    public async Task RecordedCall_SurvivesReopening()
    {
        var path = ((SqliteSandboxCallLog)Log).DatabasePath;
        await Log.RecordAsync(Call(Instance("reopen"), "k1", 1), default);

        await using var other = new SqliteSandboxCallLog(path);
        (await other.ListAsync(Instance("reopen"), default)).Should().ContainSingle().Which.Request["n"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task AfterDispose_RecordAsyncThrows()
    {
        var path = ((SqliteSandboxCallLog)Log).DatabasePath;
        var log = new SqliteSandboxCallLog(path);
        await log.DisposeAsync();

        var record = () => log.RecordAsync(Call("x", "k", 1), default);

        await record.Should().ThrowAsync<ObjectDisposedException>();
    }
}
