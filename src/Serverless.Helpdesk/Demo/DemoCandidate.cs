namespace Serverless.Helpdesk.Demo;

/// <summary>One candidate pattern of the demo backlog: who writes, what about, and their CRM and portal state.
/// ExamOffset is the exam date's day relative to today (null: no exam date on the deal).</summary>
internal sealed record DemoCandidate(
    string FirstName,
    string LastName,
    string Subject,
    string Message,
    string? Evalbox,
    string ExamKey,
    int UberDeals,
    bool InCrm,
    string PortalStatus);
