namespace Serverless.Intake.RequestHandler;

/// <summary>Business settings of the request handler (section "RequestHandler"). Defaults are the seed's values.
/// HubSpot pipeline/stage/properties and the ClickUp parent task are the connectors' settings (Connectors:HubSpot,
/// Connectors:ClickUp:ParentTaskId, default 86c7r48ha).</summary>
public sealed class RequestHandlerOptions
{
    public const string SectionName = "RequestHandler";

    /// <summary>The seed's admin, used when <see cref="AdminRecipients"/> is left empty.</summary>
    public const string SeedAdminRecipient = "yvanol.fotso@valione-services.com";

    /// <summary>Who receives the new-ticket and failure notifications (empty: <see cref="SeedAdminRecipient"/>).</summary>
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
}
