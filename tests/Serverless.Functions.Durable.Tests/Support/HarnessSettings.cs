namespace Serverless.Functions.Durable.Tests.Support;

/// <summary>Settings both runtimes run the scenarios with: everything under a temp folder, no shipped workflows
/// (each test registers its own), sandbox connectors, no scheduler loop.</summary>
public static class HarnessSettings
{
    public static Dictionary<string, string?> For(string folder) => new()
    {
        ["Runtime:DataFolder"] = folder,
        ["Storage:DataFolder"] = folder,
        ["Storage:Documents:Provider"] = "sqlite",
        ["Storage:Blobs:Provider"] = "files",
        ["Runtime:WorkflowsFolder"] = Path.Combine(folder, "no-workflows-folder"),
        ["Runtime:Durability"] = "Normal",
        ["Runtime:PollInterval"] = "00:00:00.020",
        ["Runtime:Scheduler:Enabled"] = "false",
        ["Runtime:Retention:Interval"] = "1.00:00:00",
        ["Connectors:Sandbox:DatabasePath"] = Path.Combine(folder, "sandbox-calls.db"),
        ["Approvals:SigningKey"] = "parity-suite-signing-key-0123456789abcdef",
    };
}
