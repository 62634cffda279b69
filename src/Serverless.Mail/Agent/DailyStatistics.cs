using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Email;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Slack;
using Serverless.Mail.Screening;
using Serverless.Runtime.Abstractions;
using Serverless.Storage.Tables;

namespace Serverless.Mail.Agent;

/// <summary>The counts of one day: messages by outcome, tickets by category and priority, the critical tickets.</summary>
public sealed record MailDayStatistics(
    DateOnly Day,
    int Messages,
    IReadOnlyDictionary<string, int> ByOutcome,
    IReadOnlyDictionary<string, int> ByCategory,
    IReadOnlyDictionary<string, int> ByPriority,
    IReadOnlyList<string> CriticalTickets);

/// <summary>The seed's daily statistics message: once a day after Mail:Agent:DailyStatisticsAt (UTC), the previous
/// day's counts go to the team by email, and to Slack when it is configured. Exactly once across hosts: the day is
/// claimed with a conditional insert in table mailoutcomes (partition "sent"). Both hosts call
/// <see cref="SendDueAsync"/> from a timer: the embedded MailDailyStatisticsService, the Functions app's MailDailyStatistics.</summary>
public sealed partial class DailyStatistics(
    MailOutcomes outcomes,
    ITableStore tables,
    IConnectorProvider<IEmailSender> email,
    IConnectorProvider<ISlackWebhook> slack,
    IOptionsMonitor<MailAgentOptions> options,
    ILogger<DailyStatistics> logger)
{
    private const string SentPartition = "sent";

    public async Task<MailDayStatistics> OfDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var items = await outcomes.OfDayAsync(day, cancellationToken);
        var tickets = items.Where(o => o.Outcome == MailOutcomeKinds.Opened).ToList();
        static IReadOnlyDictionary<string, int> Count(IEnumerable<string?> values) =>
            values.GroupBy(v => v ?? "").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        return new MailDayStatistics(day, items.Count, Count(items.Select(o => o.Outcome)), Count(tickets.Select(t => t.Category)),
            Count(tickets.Select(t => t.Priority)),
            tickets.Where(t => string.Equals(t.Priority, "Critique", StringComparison.OrdinalIgnoreCase)).Select(t => t.TicketId ?? "").ToList());
    }

    /// <summary>Sends the previous day's statistics if it is past the hour and no host has sent them yet. Returns the
    /// day sent, or null.</summary>
    public async Task<DateOnly?> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (!o.DailyStatistics || now.UtcDateTime.TimeOfDay < o.DailyStatisticsAt)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (await tables.GetAsync(MailAgentNames.OutcomeTable, SentPartition, key, cancellationToken) is not null
            || !await tables.TryInsertAsync(MailAgentNames.OutcomeTable, new TableRow(SentPartition, key, now.ToString("O", CultureInfo.InvariantCulture)), cancellationToken))
        {
            return null;
        }

        try
        {
            var stats = await OfDayAsync(day, cancellationToken);
            var (subject, body) = Message(stats);
            var context = new ActivityContext("mail-daily-statistics", "mail-daily-statistics", $"stats:{key}", $"mail-stats:{key}", 1, null, DryRun: false);
            var team = o.TeamRecipients.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
            if (team.Count > 0)
            {
                await email.For(context).SendAsync(new EmailMessage(team, subject, body, null)
                {
                    Headers = new Dictionary<string, string> { [MessageScreen.AgentHeader] = "1", ["Auto-Submitted"] = "auto-generated" },
                }, cancellationToken);
            }

            if (slack.IsConfigured)
            {
                await slack.For(context).PostAsync(new SlackMessage($"*{subject}*\n{body}"), cancellationToken);
            }

            Sent(logger, key, stats.Messages, team.Count, slack.IsConfigured);
        }
        catch
        {
            // Not sent: give the day back, so the next tick (on any host) tries again.
            await tables.DeleteAsync(MailAgentNames.OutcomeTable, SentPartition, key, CancellationToken.None);
            throw;
        }

        return day;
    }

    internal static (string Subject, string Body) Message(MailDayStatistics stats)
    {
        var day = stats.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append("Messages traités : ").Append(stats.Messages).AppendLine();
        Section(text, "Par résultat", stats.ByOutcome);
        Section(text, "Tickets par catégorie", stats.ByCategory);
        Section(text, "Tickets par priorité", stats.ByPriority);
        if (stats.CriticalTickets.Count > 0)
        {
            text.AppendLine().Append("Tickets critiques : ").AppendLine(string.Join(", ", stats.CriticalTickets));
        }

        var opened = stats.ByOutcome.GetValueOrDefault(MailOutcomeKinds.Opened);
        return ($"Statistiques du {day} : {opened} ticket(s) ouvert(s), {stats.Messages} message(s)", text.ToString());
    }

    private static void Section(StringBuilder text, string title, IReadOnlyDictionary<string, int> counts)
    {
        text.AppendLine().Append(title).AppendLine(" :");
        if (counts.Count == 0)
        {
            text.AppendLine("- aucun");
        }

        foreach (var (key, count) in counts)
        {
            text.Append("- ").Append(key.Length == 0 ? "(sans)" : key).Append(" : ").Append(count).AppendLine();
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Daily statistics of {Day} sent: {Messages} messages, to {Recipients} team address(es), Slack {Slack}")]
    private static partial void Sent(ILogger logger, string day, int messages, int recipients, bool slack);
}
