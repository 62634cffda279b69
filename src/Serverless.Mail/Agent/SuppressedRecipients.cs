using System.Text.Json;
using Serverless.Storage.Tables;

namespace Serverless.Mail.Agent;

/// <summary>Addresses a bounce reported as failed (table "mailsuppressed"): the agent sends them nothing more, so a
/// dead address cannot keep a notification loop going.</summary>
public sealed class SuppressedRecipients(ITableStore tables, TimeProvider time)
{
    private const string Partition = "r";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task MarkAsync(string address, string reason, CancellationToken cancellationToken)
    {
        var key = Key(address);
        if (key.Length > 0)
        {
            await tables.UpsertAsync(MailAgentNames.SuppressionTable,
                new TableRow(Partition, key, JsonSerializer.Serialize(new { at = time.GetUtcNow(), reason }, Json)), cancellationToken);
        }
    }

    public async Task<bool> IsSuppressedAsync(string address, CancellationToken cancellationToken)
    {
        var key = Key(address);
        return key.Length > 0 && await tables.GetAsync(MailAgentNames.SuppressionTable, Partition, key, cancellationToken) is not null;
    }

    /// <summary>Keeps only the addresses that may still be written to.</summary>
    public async Task<List<string>> FilterAsync(IEnumerable<string> addresses, CancellationToken cancellationToken)
    {
        var kept = new List<string>();
        foreach (var address in addresses)
        {
            if (!await IsSuppressedAsync(address, cancellationToken))
            {
                kept.Add(address);
            }
        }

        return kept;
    }

    /// <summary>The lower-cased address, or its SHA-256 when it holds a character a table key may not ('/', '\\', '#', '?').</summary>
    private static string Key(string address)
    {
        var key = address.Trim().Trim('<', '>').ToLowerInvariant();
        return key.IndexOfAny(['/', '\\', '#', '?']) < 0 && key.Length <= 200
            ? key
            : "sha256-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
    }
}
