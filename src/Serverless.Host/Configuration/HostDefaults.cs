namespace Serverless.Host.Configuration;

/// <summary>What a fresh checkout runs with when no setting says otherwise: SQLite and files under ./.data, sandbox
/// connectors (no credentials set), the repository's workflows/ folder, the demo activities, a demo CRM (users, organisation 1, a deal), a demo helpdesk backlog in the sandbox Zoho and quiet framework logs. Every value can be overridden.</summary>
internal static class HostDefaults
{
    public const int HttpPort = 7071;
    public const string SettingsFileName = "local.settings.json";

    /// <summary>Names the settings file (environment or command line only, since it decides where the others come from).</summary>
    public const string SettingsFileKey = "SettingsFile";

    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["Runtime:DataFolder"] = ".data",
        ["Runtime:WorkflowsFolder"] = "workflows",
        ["Storage:Documents:Provider"] = "sqlite",
        ["Storage:Blobs:Provider"] = "files",
        ["Crm:DemoData"] = "true",
        ["Helpdesk:DemoData"] = "true",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };
}
