using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Serverless.Mail.Mailboxes;

/// <summary>GET /api/health's "mailboxes" entry: Degraded while a mailbox fails, Unhealthy once one has failed for
/// longer than Mail:AlertAfter, naming the mailbox, since when, and the last error.</summary>
internal sealed class MailboxHealthCheck(MailboxHealth health, IOptionsMonitor<MailOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failing = health.All.Where(s => !s.Healthy).ToList();
        if (failing.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{options.CurrentValue.Mailboxes.Count} mailbox(es) polled."));
        }

        var description = string.Join("; ", failing.Select(s => $"mailbox '{s.Mailbox}' failing since {s.FailingSince:O} ({s.ConsecutiveFailures} in a row): {s.LastError}"));
        var dead = failing.Any(s => time.GetUtcNow() - s.FailingSince > options.CurrentValue.AlertAfter);
        return Task.FromResult(dead ? HealthCheckResult.Unhealthy(description) : HealthCheckResult.Degraded(description));
    }
}
