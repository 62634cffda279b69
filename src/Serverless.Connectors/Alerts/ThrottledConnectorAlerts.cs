using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Email;
using Serverless.Connectors.Selection;
using Serverless.Runtime.Abstractions;
using Serverless.Storage.Tables;

namespace Serverless.Connectors.Alerts;

/// <summary>Emails the admin recipients at most once per connector per <see cref="AlertOptions.Interval"/>, across
/// every host sharing the table store: the last-sent time is a row per connector, and only the worker whose
/// conditional write on that row succeeds sends. A failed send still uses the slot, so a broken mail server is not
/// hammered by every refused call. If the store itself fails, this process's own memory decides: one alert too many
/// is the right side to err on.</summary>
internal sealed class ThrottledConnectorAlerts(IConnectorProvider<IEmailSender> email, IOptionsMonitor<AlertOptions> options,
    ITableStore store, TimeProvider time, ILogger<ThrottledConnectorAlerts> logger) : IConnectorAlerts
{
    public const string AlertInstanceId = "connector-alerts";
    public const string Table = "connectoralerts";
    private const string Partition = "token-refused";

    // Spares a store round-trip for every refused call of a burst, and is the fallback when the store fails.
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
        }

        var (claimed, sentAt) = await ClaimAsync(connector, now, o.Interval, cancellationToken);
        lock (_lastSent)
        {
            _lastSent[connector] = sentAt;
        }

        if (!claimed)
        {
            return;
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

    /// <summary>Whether this call may send, and when the last alert was (or is now) sent.</summary>
    private async Task<(bool Claimed, DateTimeOffset SentAt)> ClaimAsync(string connector, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken)
    {
        var row = new TableRow(Partition, connector.ToLowerInvariant(), now.ToString("O", CultureInfo.InvariantCulture));
        try
        {
            var current = await store.GetAsync(Table, row.PartitionKey, row.RowKey, cancellationToken);
            if (current is null)
            {
                return await store.TryInsertAsync(Table, row, cancellationToken) ? (true, now) : (false, now);
            }

            var last = DateTimeOffset.Parse(current.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            if (now - last < interval)
            {
                return (false, last);
            }

            // Conditional on the row read: of two workers seeing the same old alert, one replaces it, the other gets null.
            return await store.TryReplaceAsync(Table, row, current.ETag!, cancellationToken) is not null ? (true, now) : (false, now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The shared alert throttle is unavailable; this host decides alone whether to alert about {Connector}", connector);
            return (true, now);
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
