namespace Serverless.Connectors.Alerts;

/// <summary>Who hears about connector problems, bound from "Connectors:Alerts".</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Connectors:Alerts";

    /// <summary>Admin email addresses (Connectors:Alerts:AdminRecipients:0, ...). Empty: alerts are only logged.</summary>
    public List<string> AdminRecipients { get; set; } = [];

    /// <summary>At most one alert per connector within this interval.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
