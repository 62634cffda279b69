namespace Serverless.Mail.Screening;

/// <summary>What <see cref="MessageScreen.Screen"/> decided, why (naming the header), and for a bounce whom it was about.</summary>
public sealed record ScreenVerdict(ScreenOutcome Outcome, string Reason, IReadOnlyList<string> FailedRecipients)
{
    public bool IsAccepted => Outcome == ScreenOutcome.Accept;
}

public enum ScreenOutcome
{
    /// <summary>Mail from a person: it may open or join a ticket.</summary>
    Accept,

    /// <summary>An out-of-office or other automatic reply.</summary>
    AutoReply,

    /// <summary>A delivery failure report.</summary>
    Bounce,

    /// <summary>Mail we sent ourselves (a loop if it opened a ticket).</summary>
    OwnMail,

    /// <summary>A mailing list or newsletter.</summary>
    MailingList,
}
