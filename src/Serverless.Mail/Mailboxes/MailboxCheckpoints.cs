using System.Text.Json;
using Serverless.Storage.Tables;

namespace Serverless.Mail.Mailboxes;

/// <summary>Where a mailbox's polling stands: the folder's UIDVALIDITY and the last UID handed on. A restart goes on
/// from there, neither skipping nor re-reading; a changed UIDVALIDITY (the folder was rebuilt) starts again from the
/// first message, which the per-message dedup makes safe.</summary>
public sealed record MailboxCheckpoint(uint UidValidity, uint LastUid);

/// <summary>Checkpoints in the shared table store, so every host and Functions worker polling a mailbox sees one.</summary>
public sealed class MailboxCheckpoints(ITableStore tables)
{
    private const string Partition = "checkpoint";

    public async Task<MailboxCheckpoint?> GetAsync(string mailbox, CancellationToken cancellationToken)
    {
        var row = await tables.GetAsync(MailNames.CheckpointTable, Partition, mailbox, cancellationToken);
        return row is null ? null : JsonSerializer.Deserialize<MailboxCheckpoint>(row.Value);
    }

    /// <summary>Moves the checkpoint forward; never back, so two pollers at once cannot make one re-read.</summary>
    public async Task AdvanceAsync(string mailbox, MailboxCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await tables.GetAsync(MailNames.CheckpointTable, Partition, mailbox, cancellationToken);
            var next = new TableRow(Partition, mailbox, JsonSerializer.Serialize(checkpoint));
            if (row is null)
            {
                if (await tables.TryInsertAsync(MailNames.CheckpointTable, next, cancellationToken))
                {
                    return;
                }

                continue;
            }

            var current = JsonSerializer.Deserialize<MailboxCheckpoint>(row.Value)!;
            if (current.UidValidity == checkpoint.UidValidity && current.LastUid >= checkpoint.LastUid)
            {
                return;
            }

            if (await tables.TryReplaceAsync(MailNames.CheckpointTable, next, row.ETag!, cancellationToken) is not null)
            {
                return;
            }
        }
    }
}
