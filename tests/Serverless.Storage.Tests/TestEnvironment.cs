namespace Serverless.Storage.Tests;

/// <summary>
/// The variables scripts/services.sh writes to .services/env. A missing one fails the test with its name: the
/// server-backed contract tests never pass by being skipped.
/// </summary>
public static class TestEnvironment
{
    public const string AzuriteBlob = "SERVERLESS_TEST_AZURITE_BLOB";
    public const string AzuriteTable = "SERVERLESS_TEST_AZURITE_TABLE";
    public const string CosmosEndpoint = "SERVERLESS_TEST_COSMOS_ENDPOINT";
    public const string CosmosKey = "SERVERLESS_TEST_COSMOS_KEY";

    /// <summary>"1" when the Cosmos endpoint is a real account or the official emulator, not the npm stand-in.</summary>
    public const string CosmosReal = "SERVERLESS_TEST_COSMOS_REAL";

    public static bool IsRealCosmos => Environment.GetEnvironmentVariable(CosmosReal) == "1";

    public static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Start the local servers and load their settings in this shell: " +
                "`scripts/services.sh up && source .services/env` (scripts/test.sh does both).");
}
