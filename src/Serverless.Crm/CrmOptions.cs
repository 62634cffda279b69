namespace Serverless.Crm;

/// <summary>The "Crm" settings (checked at start by <see cref="CrmOptionsValidator"/>).</summary>
public sealed class CrmOptions
{
    public const string SectionName = "Crm";

    /// <summary>Timeout of one call_webhook request, in seconds (1..300).</summary>
    public int WebhookTimeoutSeconds { get; set; } = 30;

    /// <summary>How old the workflow snapshot of this process may get before it is re-read from the store (changes
    /// made by another instance of the Functions app show up within this delay), in seconds (1..3600).</summary>
    public int RefreshSeconds { get; set; } = 10;

    /// <summary>Loop protection: how many executions may cause each other (an update_field that re-triggers
    /// deal_updated...) before a change starts nothing more (1..50).</summary>
    public int MaxCascadeDepth { get; set; } = 5;

    /// <summary>How long POST /execute with dry_run waits for the run to end before answering with what it has (1..120 s).</summary>
    public int DryRunWaitSeconds { get; set; } = 30;

    /// <summary>Executions older than this are removed by the weekly cleanup, with their instances (the seed's 90 days).</summary>
    public int ExecutionRetentionDays { get; set; } = 90;

    /// <summary>The seed's Celery Beat, as schedule triggers of the shipped job workflows.</summary>
    public CrmJobOptions Jobs { get; set; } = new();

    /// <summary>"Crm:WebhookSecrets:{workflow id}": the HMAC secret of a webhook workflow whose trigger_config.auth is
    /// hmac (X-Signature / X-Signature-Timestamp, as the engine's webhooks). Never logged.</summary>
    public Dictionary<string, string> WebhookSecrets { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Creates a small demo CRM (users, organisations, deals) at start when the CRM is empty: the embedded
    /// host's default, so the seed's curl sequence runs against a fresh host.</summary>
    public bool DemoData { get; set; }
}

/// <summary>"Crm:Jobs": when the jobs run (cron, 5 fields, in <see cref="TimeZone"/>).</summary>
public sealed class CrmJobOptions
{
    public bool Enabled { get; set; } = true;

    public string TimeZone { get; set; } = CrmNames.DefaultTimeZone;

    /// <summary>check_inactivity_workflows: daily at 02:00.</summary>
    public string InactivityCron { get; set; } = "0 2 * * *";

    /// <summary>run_scheduled_workflows: starts the scheduled workflows due since the previous tick; every minute, so
    /// a workflow's own time (daily at 09:00 by default, weekly on Monday 09:00, monthly, or its cron) is kept.</summary>
    public string ScheduledCron { get; set; } = "* * * * *";

    /// <summary>cleanup_old_executions: Sunday at 03:00.</summary>
    public string CleanupCron { get; set; } = "0 3 * * 0";
}
