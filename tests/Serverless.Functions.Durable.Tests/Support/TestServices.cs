namespace Serverless.Functions.Durable.Tests.Support;

/// <summary>The local servers scripts/services.sh starts (source .services/env before dotnet test).</summary>
public static class TestServices
{
    public static string AzuriteQueue => Require("SERVERLESS_TEST_AZURITE_QUEUE");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through scripts/test.sh, or `scripts/services.sh up && source .services/env` first.");
}
