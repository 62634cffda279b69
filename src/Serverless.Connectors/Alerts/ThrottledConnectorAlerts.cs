using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Email;
using Serverless.Connectors.Selection;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Alerts;

/// <summary>Emails the admin recipients at most once per connector per <see cref="AlertOptions.Interval"/>. The
/// throttle lives in memory: a restart may send one more alert, which is the right side to err on. A failed send
/// still uses the slot, so a broken mail server is not hammered by every refused call.</summary>
internal sealed class ThrottledConnectorAlerts(IConnectorProvider<IEmailSender> email, IOptionsMonitor<AlertOptions> options,
    TimeProvider time, ILogger<ThrottledConnectorAlerts> logger) : IConnectorAlerts
{
    public const string AlertInstanceId = "connector-alerts";

    private readonly Dictionary<string, DateTimeOffset> _lastSent = new(StringComparer.OrdinalIgnoreCase);

    public async Task TokenRefusedAsync(string connector, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var now = time.GetUtcNow();
        lock (_lastSent)
        {
            if (_lastSent.TryGetValue(connector, out var last) && now - last < o.Interval)
            {
                return;
            }

            _lastSent[connector] = now;
        }

        logger.LogError("{Connector} refused its credentials (HTTP 401); alerting the administrators", connector);
        if (o.AdminRecipients.Count == 0)
        {
            logger.LogWarning("No {Setting} configured: the {Connector} token alert is only logged", $"{AlertOptions.SectionName}:AdminRecipients", connector);
            return;
        }

        var key = $"token-refused:{connector}:{now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        var context = new ActivityContext(AlertInstanceId, AlertInstanceId, $"token-refused:{connector}", key, 1, null, DryRun: false);
        try
        {
            await email.For(context).SendAsync(Message(connector, o), cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not send the {Connector} token alert", connector);
        }
    }

    private static EmailMessage Message(string connector, AlertOptions o)
    {
        var hours = o.Interval.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);
        var text = $"""
            The {connector} token is refused: {connector} answered 401 Unauthorized.

            Calls to {connector} fail until the credential in the Connectors:{connector} settings is replaced
            (expired, revoked or wrong token). Workflow steps that need {connector} fail with the kind Unauthorized.

            This alert is sent at most once every {hours} hour(s) per connector.
            """;
        var html = $"""
            <p><strong>The {connector} token is refused</strong>: {connector} answered <code>401 Unauthorized</code>.</p>
            <p>Calls to {connector} fail until the credential in the <code>Connectors:{connector}</code> settings is replaced
            (expired, revoked or wrong token). Workflow steps that need {connector} fail with the kind <code>Unauthorized</code>.</p>
            <p>This alert is sent at most once every {hours} hour(s) per connector.</p>
            """;
        return new EmailMessage(o.AdminRecipients, $"[Serverless] The {connector} token is refused", text, html);
    }
}
