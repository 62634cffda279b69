namespace Serverless.Mail;

/// <summary>The names the email ticket agent is found by: settings sections, trigger kind, activities, tables.</summary>
public static class MailNames
{
    /// <summary>Settings section of the mailboxes: Mail:Mailboxes:{name}:Host, ...</summary>
    public const string Section = "Mail";

    /// <summary>Table of per-mailbox checkpoints (UIDVALIDITY and last UID seen).</summary>
    public const string CheckpointTable = "mailcheckpoints";

    /// <summary>A mailbox trigger naming "*" listens to every configured mailbox (the shipped email-ticket workflow does).</summary>
    public const string AnyMailbox = "*";
}
