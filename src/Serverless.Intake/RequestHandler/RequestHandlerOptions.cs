namespace Serverless.Intake.RequestHandler;

/// <summary>Business settings of the request handler (section "RequestHandler"). Defaults are the seed's values.
/// HubSpot pipeline/stage/properties and the ClickUp parent task are the connectors' settings (Connectors:HubSpot,
/// Connectors:ClickUp:ParentTaskId, default 86c7r48ha).</summary>
public sealed class RequestHandlerOptions
{
    public const string SectionName = "RequestHandler";

    /// <summary>Where the sandbox email connector "sends" the notifications when <see cref="AdminRecipients"/> is empty.
    /// A reserved domain (RFC 2606), so the recorded message never names a real person.</summary>
    public const string SandboxAdminRecipient = "admin@example.invalid";

    /// <summary>Who receives the new-ticket and failure notifications. No default: required when real email is
    /// configured (Connectors:Smtp:Host); in sandbox mode an empty list records the email to
    /// <see cref="SandboxAdminRecipient"/>.</summary>
    public List<string> AdminRecipients { get; set; } = [];

    /// <summary>Also post the notification to the Slack incoming webhook configured for the connectors.</summary>
    public bool NotifySlack { get; set; }

    /// <summary>Blob container holding staged uploads and the files stored per instance.</summary>
    public string FilesContainer { get; set; } = "request-files";

    /// <summary>Base URL of this host, used in file links when the blob store cannot issue its own read URLs.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>How long file links in tickets stay valid.</summary>
    public TimeSpan FileLinkValidity { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Secret signing the host-served file links. Empty: the first intake API key signs them.</summary>
    public string? FileLinkSecret { get; set; }

    /// <summary>Staged uploads older than this are deleted (see StagingSweeper).</summary>
    public TimeSpan StagingRetention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan StagingSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Timeout for downloading a file given by URL.</summary>
    public TimeSpan FileDownloadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Which URLs files may be downloaded from (RequestHandler:FileUrls).</summary>
    public FileUrlOptions FileUrls { get; set; } = new();
}
