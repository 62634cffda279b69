namespace Serverless.Mail.Agent;

/// <summary>The shipped workflow (workflows/mail/email-ticket.json) and the activity names it refers to.</summary>
public static class MailAgentNames
{
    public const string WorkflowId = "email-ticket";

    public const string Read = "mail.read";
    public const string RecordScreened = "mail.recordScreened";
    public const string Thread = "mail.thread";
    public const string Classify = "mail.classify";
    public const string OpenTicket = "mail.openTicket";
    public const string Notify = "mail.notify";
    public const string MirrorTicket = "mail.mirrorTicket";

    public static readonly IReadOnlyList<string> Activities = [Read, RecordScreened, Thread, Classify, OpenTicket, MirrorTicket, Notify];

    /// <summary>Blob container of the attachments the agent kept: {dedupKey}/{part}-{file name}.</summary>
    public const string AttachmentContainer = "mail-attachments";

    /// <summary>Table of what became of each message, one partition per UTC day (the daily statistics read it).</summary>
    public const string OutcomeTable = "mailoutcomes";

    /// <summary>Table of addresses that bounced: they get no further notification.</summary>
    public const string SuppressionTable = "mailsuppressed";
}
