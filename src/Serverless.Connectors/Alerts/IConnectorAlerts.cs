namespace Serverless.Connectors.Alerts;

/// <summary>Tells the administrators about connector problems a person must fix (a refused token), throttled so a
/// burst of failing calls produces one message, not one per request.</summary>
public interface IConnectorAlerts
{
    /// <summary>A connector's credentials were refused (HTTP 401). Never throws: a failed alert is logged.</summary>
    Task TokenRefusedAsync(string connector, CancellationToken cancellationToken);
}
