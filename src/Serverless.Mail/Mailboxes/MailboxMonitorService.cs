using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.Mail.Mailboxes;

/// <summary>The embedded host's mailbox trigger: one loop per mailbox, polling at Mail:PollInterval, and between two
/// polls waiting with IMAP IDLE where the server offers it (Mail:UseIdle), so new mail is read within a second; a failing mailbox
/// is retried with a backoff doubling from 2 s up to Mail:MaxBackoff, and every failure is in
/// <see cref="MailboxHealth"/> (GET /api/health, GET /api/mailboxes). The Functions app's MailboxMonitor timer
/// polls through the same <see cref="MailboxPoller"/>.</summary>
public sealed partial class MailboxMonitorService(MailboxPoller poller, IOptionsMonitor<MailOptions> options, TimeProvider time, ILogger<MailboxMonitorService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.CurrentValue.Mailboxes.Keys.Select(mailbox => WatchAsync(mailbox, stoppingToken)));

    private async Task WatchAsync(string mailbox, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var result = await poller.PollAsync(mailbox, stoppingToken);
                Polled(logger, mailbox, result.Seen, result.HandedOn, result.FilteredOut);
                failures = 0;
                if (result.Seen > 0)
                {
                    // Mail is flowing: more may have come while this batch was handed on, so read again at once.
                    continue;
                }

                wait = options.CurrentValue.PollInterval;
                if (options.CurrentValue.UseIdle && await IdleAsync(mailbox, wait, stoppingToken))
                {
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                wait = Backoff(failures, options.CurrentValue.MaxBackoff);
                PollFailed(logger, mailbox, failures, wait.TotalSeconds, ex.GetType().Name, ex.Message);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>True when IDLE waited (new mail or the poll interval passed): poll again at once. False when the
    /// server has no IDLE or idling failed: the caller waits the interval, and the next poll says if the mailbox is broken.</summary>
    private async Task<bool> IdleAsync(string mailbox, TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await poller.IdleAsync(mailbox, wait, stoppingToken);
            Idled(logger, mailbox, outcome);
            return outcome != IdleOutcome.NotSupported;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            IdleFailed(logger, mailbox, ex.GetType().Name, ex.Message);
            return false;
        }
    }

    /// <summary>2 s, 4 s, 8 s ... capped at <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(int failures, TimeSpan max) =>
        TimeSpan.FromSeconds(Math.Min(max.TotalSeconds, Math.Pow(2, Math.Min(failures, 20))));

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Mailbox {Mailbox}: {Seen} new, {HandedOn} handed on, {FilteredOut} filtered out")]
    private static partial void Polled(ILogger logger, string mailbox, int seen, int handedOn, int filteredOut);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Mailbox {Mailbox}: IDLE ended: {Outcome}")]
    private static partial void Idled(ILogger logger, string mailbox, IdleOutcome outcome);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: IDLE failed, waiting for the next poll instead: {ErrorType}: {Error}")]
    private static partial void IdleFailed(ILogger logger, string mailbox, string errorType, string error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: poll failed ({Failures} in a row), next attempt in {RetryInSeconds} s: {ErrorType}: {Error}")]
    private static partial void PollFailed(ILogger logger, string mailbox, int failures, double retryInSeconds, string errorType, string error);
}
