using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Serverless.Storage.Tables;

namespace Serverless.Mail.Tickets;

/// <summary>Tickets over <see cref="ITableStore"/>, table "mailtickets", three partitions:
/// "t" the tickets, keyed so that row key order is newest first; "m" message keys (dedup keys and message ids) to
/// the ticket they belong to; "n" the ticket number counter of each year. Numbers are TKT-{year}-{6 digits}; two
/// hosts opening a ticket for the same message at once end with one ticket (the loser's number is left unused).</summary>
public sealed class TableTicketStore : ITicketStore
{
    public const string DefaultTable = "mailtickets";

    private readonly ITableStore tables;
    private readonly TimeProvider time;
    private readonly string table;

    public TableTicketStore(ITableStore tables, TimeProvider time)
        : this(tables, time, DefaultTable)
    {
    }

    /// <summary>Over another table (tests that share one Azure Table account keep apart this way).</summary>
    internal TableTicketStore(ITableStore tables, TimeProvider time, string table)
    {
        this.tables = tables;
        this.time = time;
        this.table = table;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<TicketOpened> OpenAsync(NewTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (await TicketOfKeyAsync(ticket.DedupKey, cancellationToken) is { } existing)
        {
            return new TicketOpened(existing, false);
        }

        var id = await NextIdAsync(ticket.Date.Year, cancellationToken);
        var created = new Ticket(id, ticket.Date, ticket.SenderName, ticket.Email, ticket.Subject, ticket.Category, ticket.Priority,
            TicketStatuses.New, ticket.Description, ticket.HandledBy, ticket.Notes, [ticket.FirstEntry],
            [new TicketChange(time.GetUtcNow(), "status", null, TicketStatuses.New, null)]);
        await tables.UpsertAsync(table, new TableRow("t", RowKey(id), JsonSerializer.Serialize(created, Json)), cancellationToken);
        if (!await tables.TryInsertAsync(table, new TableRow("m", MessageKey(ticket.DedupKey), id), cancellationToken))
        {
            await tables.DeleteAsync(table, "t", RowKey(id), cancellationToken);
            return new TicketOpened((await TicketOfKeyAsync(ticket.DedupKey, cancellationToken))!, false);
        }

        await IndexMessageAsync(ticket.FirstEntry.MessageId, id, cancellationToken);
        return new TicketOpened(created, true);
    }

    public async Task<Ticket?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out _, out _))
        {
            return null;
        }

        var row = await tables.GetAsync(table, "t", RowKey(id), cancellationToken);
        return row is null ? null : JsonSerializer.Deserialize<Ticket>(row.Value, Json);
    }

    public Task<Ticket?> FindByMessageAsync(string messageId, CancellationToken cancellationToken) =>
        TicketOfKeyAsync("msg:" + Normalise(messageId), cancellationToken);

    public async Task<TicketPage> ListAsync(TicketFilter filter, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var items = new List<Ticket>();
        var token = continuationToken;
        do
        {
            var page = await tables.QueryAsync(table, "t", Math.Clamp(limit - items.Count, 1, 1000), token, cancellationToken);
            items.AddRange(page.Rows.Select(r => JsonSerializer.Deserialize<Ticket>(r.Value, Json)!).Where(filter.Matches));
            token = page.ContinuationToken;
        }
        while (items.Count < limit && token is not null);

        return new TicketPage(items, token);
    }

    public async Task<TicketAppended?> AppendAsync(string id, string dedupKey, TicketEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (await GetAsync(id, cancellationToken) is null)
        {
            return null;
        }

        // The message's key is claimed first: the same reply read twice (a restart, two pollers) appends once.
        if (!await tables.TryInsertAsync(table, new TableRow("m", MessageKey(dedupKey), id), cancellationToken))
        {
            var owner = await tables.GetAsync(table, "m", MessageKey(dedupKey), cancellationToken);
            if (owner?.Value != id)
            {
                return owner is not null && await GetAsync(owner.Value, cancellationToken) is { } other ? new TicketAppended(other, false) : null;
            }
        }

        for (var attempt = 0; attempt < 10; attempt++)
        {
            var row = await tables.GetAsync(table, "t", RowKey(id), cancellationToken);
            var ticket = JsonSerializer.Deserialize<Ticket>(row!.Value, Json)!;
            if (ticket.Entries.Any(e => string.Equals(e.MessageId, entry.MessageId, StringComparison.OrdinalIgnoreCase)))
            {
                return new TicketAppended(ticket, false);
            }

            var now = time.GetUtcNow();
            var history = ticket.History.Append(new TicketChange(now, "entries", ticket.Entries.Count.ToString(CultureInfo.InvariantCulture),
                (ticket.Entries.Count + 1).ToString(CultureInfo.InvariantCulture), null)).ToList();
            var status = ticket.Status;
            if (status == TicketStatuses.Resolved)
            {
                // A reply to a resolved ticket reopens it: the customer is still waiting.
                history.Add(new TicketChange(now, "status", status, TicketStatuses.InProgress, null));
                status = TicketStatuses.InProgress;
            }

            var changed = ticket with { Entries = [.. ticket.Entries, entry], History = history, Status = status };
            if (await tables.TryReplaceAsync(table, row with { Value = JsonSerializer.Serialize(changed, Json) }, row.ETag!, cancellationToken) is not null)
            {
                await IndexMessageAsync(entry.MessageId, id, cancellationToken);
                return new TicketAppended(changed, true);
            }
        }

        throw new InvalidOperationException($"Ticket {id} kept changing while a message was appended; retry.");
    }

    public async Task<Ticket?> UpdateAsync(string id, TicketUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var row = TryParseId(id, out _, out _) ? await tables.GetAsync(table, "t", RowKey(id), cancellationToken) : null;
            if (row is null)
            {
                return null;
            }

            var ticket = JsonSerializer.Deserialize<Ticket>(row.Value, Json)!;
            var now = time.GetUtcNow();
            var history = ticket.History.ToList();
            void Change(string field, string? from, string? to)
            {
                if (to is not null && !string.Equals(from, to, StringComparison.Ordinal))
                {
                    history.Add(new TicketChange(now, field, from, to, update.By));
                }
            }

            Change("status", ticket.Status, update.Status);
            Change("handledBy", ticket.HandledBy, update.HandledBy);
            Change("notes", ticket.Notes, update.Notes);
            var changed = ticket with
            {
                Status = update.Status ?? ticket.Status,
                HandledBy = update.HandledBy ?? ticket.HandledBy,
                Notes = update.Notes ?? ticket.Notes,
                History = history,
            };
            if (await tables.TryReplaceAsync(table, row with { Value = JsonSerializer.Serialize(changed, Json) }, row.ETag!, cancellationToken) is not null)
            {
                return changed;
            }
        }

        throw new InvalidOperationException($"Ticket {id} kept changing while it was updated; retry.");
    }

    /// <summary>TKT-{year}-{number of 6 or more digits}.</summary>
    public static bool TryParseId(string? id, out int year, out int number)
    {
        year = number = 0;
        var parts = id?.Split('-');
        return parts is { Length: 3 } && parts[0] == "TKT"
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 9999
            && parts[2].Length >= 6 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out number) && number is > 0 and <= 9_999_999;
    }

    private async Task<string> NextIdAsync(int year, CancellationToken cancellationToken)
    {
        var key = year.ToString(CultureInfo.InvariantCulture);
        while (true)
        {
            var row = await tables.GetAsync(table, "n", key, cancellationToken);
            var next = (row is null ? 0 : int.Parse(row.Value, CultureInfo.InvariantCulture)) + 1;
            var written = row is null
                ? await tables.TryInsertAsync(table, new TableRow("n", key, next.ToString(CultureInfo.InvariantCulture)), cancellationToken)
                : await tables.TryReplaceAsync(table, row with { Value = next.ToString(CultureInfo.InvariantCulture) }, row.ETag!, cancellationToken) is not null;
            if (written)
            {
                return $"TKT-{year}-{next:D6}";
            }
        }
    }

    private async Task IndexMessageAsync(string messageId, string ticketId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(messageId))
        {
            await tables.TryInsertAsync(table, new TableRow("m", MessageKey("msg:" + Normalise(messageId)), ticketId), cancellationToken);
        }
    }

    private async Task<Ticket?> TicketOfKeyAsync(string key, CancellationToken cancellationToken) =>
        await tables.GetAsync(table, "m", MessageKey(key), cancellationToken) is { } index ? await GetAsync(index.Value, cancellationToken) : null;

    /// <summary>Newest first in ordinal order: later years and higher numbers get smaller keys.</summary>
    private static string RowKey(string id)
    {
        if (!TryParseId(id, out var year, out var number))
        {
            throw new ArgumentException($"'{id}' is not a ticket number (TKT-2026-000123).", nameof(id));
        }

        return $"{9999 - year:D4}-{9_999_999 - number:D7}";
    }

    private static string Normalise(string messageId) => messageId.Trim().Trim('<', '>').Trim().ToLowerInvariant();

    private static string MessageKey(string key) =>
        key.Length <= 200 ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
