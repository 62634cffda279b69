using System.Globalization;
using System.Text.Json;
using Serverless.Storage.Tables;

namespace Serverless.Mail.Agent;

/// <summary>What became of one message: a ticket opened, a reply appended, or screened out (auto-reply, bounce,
/// mailing list, the agent's own mail), with the reason.</summary>
public sealed record MailOutcome(
    DateTimeOffset At,
    string DedupKey,
    string Mailbox,
    string Outcome,
    string Reason,
    string? TicketId = null,
    string? Category = null,
    string? Priority = null);

public static class MailOutcomeKinds
{
    public const string Opened = "Opened";
    public const string Appended = "Appended";
}

/// <summary>Outcomes in table "mailoutcomes", one partition per UTC day, one row per message (a message processed
/// again overwrites its own row, so a day's counts are per message).</summary>
public sealed class MailOutcomes(ITableStore tables)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task RecordAsync(MailOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return tables.UpsertAsync(MailAgentNames.OutcomeTable,
            new TableRow(Day(outcome.At), outcome.DedupKey, JsonSerializer.Serialize(outcome, Json)), cancellationToken);
    }

    public async Task<IReadOnlyList<MailOutcome>> OfDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var items = new List<MailOutcome>();
        string? token = null;
        do
        {
            var page = await tables.QueryAsync(MailAgentNames.OutcomeTable, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 1000, token, cancellationToken);
            items.AddRange(page.Rows.Select(r => JsonSerializer.Deserialize<MailOutcome>(r.Value, Json)!));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return items;
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
