using Serverless.Connectors.Sandbox;

namespace Serverless.Connectors.Tests.Sandbox;

/// <summary>The table-backed log against Azurite's table endpoint, chosen as the Functions app chooses it
/// (Storage:Tables:Provider = azure). SERVERLESS_TEST_AZURITE_TABLE comes from the local servers' env file.</summary>
[Trait("Backend", "azurite")]
public sealed class TableSandboxCallLogTests : SandboxCallLogContract
{
    public const string AzuriteTable = "SERVERLESS_TEST_AZURITE_TABLE";

    protected override ConnectorTestHost Host { get; } = ConnectorTestHost.Create(new Dictionary<string, string?>
    {
        ["Storage:Tables:Provider"] = "azure",
        ["Storage:Tables:Azure:ConnectionString"] = Environment.GetEnvironmentVariable(AzuriteTable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{AzuriteTable} is not set: `source .services/env` after starting the local servers."),
    });

    [Fact]
    public void Log_WithAzureTables_IsTheTableLog()
    {
        Log.Should().BeOfType<TableSandboxCallLog>();
    }
}
