using System.Globalization;
using Serverless.Engine.Definitions;

namespace Serverless.Approvals;

/// <summary>The words people read on pages, in Slack and in subjects, in French (default) and English. The email
/// bodies live in Templates/ so they can be edited as HTML.</summary>
public sealed class ApprovalTexts
{
    private static readonly ApprovalTexts French = new()
    {
        Language = "fr",
        Culture = CultureInfo.GetCultureInfo("fr-FR"),
        Approve = "Approuver",
        Reject = "Rejeter",
        RequestChanges = "Demander des modifications",
        Approved = "Approuvé",
        Rejected = "Rejeté",
        ChangesRequested = "Modifications demandées",
        TimedOut = "Délai dépassé",
        ReminderFormat = "Rappel {0}",
        PageTitle = "Demande d'approbation",
        YouAreAbout = "Votre décision :",
        CommentLabel = "Commentaire (facultatif)",
        ConfirmFormat = "Confirmer : {0}",
        Deadline = "Échéance",
        Recorded = "Décision enregistrée. Merci.",
        AlreadyDecided = "Cette demande a déjà été traitée.",
        DecidedByFormat = "{0} par {1} le {2}",
        Expired = "Ce lien a expiré. Demandez un nouveau lien ou répondez depuis un rappel plus récent.",
        Invalid = "Ce lien n'est pas valide.",
        NoPreview = "(aucun aperçu)",
    };

    private static readonly ApprovalTexts English = new()
    {
        Language = "en",
        Culture = CultureInfo.GetCultureInfo("en-GB"),
        Approve = "Approve",
        Reject = "Reject",
        RequestChanges = "Request changes",
        Approved = "Approved",
        Rejected = "Rejected",
        ChangesRequested = "Changes requested",
        TimedOut = "Timed out",
        ReminderFormat = "Reminder {0}",
        PageTitle = "Approval request",
        YouAreAbout = "Your decision:",
        CommentLabel = "Comment (optional)",
        ConfirmFormat = "Confirm: {0}",
        Deadline = "Deadline",
        Recorded = "Decision recorded. Thank you.",
        AlreadyDecided = "This request has already been decided.",
        DecidedByFormat = "{0} by {1} on {2}",
        Expired = "This link has expired. Ask for a new link or answer from a more recent reminder.",
        Invalid = "This link is not valid.",
        NoPreview = "(no preview)",
    };

    public required string Language { get; init; }
    public required CultureInfo Culture { get; init; }
    public required string Approve { get; init; }
    public required string Reject { get; init; }
    public required string RequestChanges { get; init; }
    public required string Approved { get; init; }
    public required string Rejected { get; init; }
    public required string ChangesRequested { get; init; }
    public required string TimedOut { get; init; }
    public required string ReminderFormat { get; init; }
    public required string PageTitle { get; init; }
    public required string YouAreAbout { get; init; }
    public required string CommentLabel { get; init; }
    public required string ConfirmFormat { get; init; }
    public required string Deadline { get; init; }
    public required string Recorded { get; init; }
    public required string AlreadyDecided { get; init; }
    public required string DecidedByFormat { get; init; }
    public required string Expired { get; init; }
    public required string Invalid { get; init; }
    public required string NoPreview { get; init; }

    public static bool IsSupported(string? language) => language is "fr" or "en";

    public static ApprovalTexts For(string? language) => language == "en" ? English : French;

    /// <summary>The action a button or link performs.</summary>
    public string Action(string decision) => decision switch
    {
        ApprovalDecisions.Approved => Approve,
        ApprovalDecisions.Rejected => Reject,
        _ => RequestChanges,
    };

    /// <summary>The outcome as a past participle ("Approuvé").</summary>
    public string Outcome(string? decision) => decision switch
    {
        ApprovalDecisions.Approved => Approved,
        ApprovalDecisions.Rejected => Rejected,
        ApprovalDecisions.ChangesRequested => ChangesRequested,
        ApprovalDecisions.TimedOut => TimedOut,
        _ => decision ?? "?",
    };

    public string Reminder(int number) => string.Format(Culture, ReminderFormat, number);

    public string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("g", Culture) + " UTC";

    public string DecidedBy(string? decision, string? by, DateTimeOffset? at) =>
        string.Format(Culture, DecidedByFormat, Outcome(decision), by ?? "?", at is null ? "?" : Time(at.Value));
}
