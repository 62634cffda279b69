namespace Serverless.Helpdesk.Intents;

/// <summary>What a candidate asks: the primary intent, the secondary ones (strongest first), the session
/// preference (jour / soir, or null), whether the message is a complaint, and the session they say they have.</summary>
public sealed record DetectedIntents(
    string Primary,
    IReadOnlyList<string> Secondary,
    string? SessionPreference,
    bool IsComplaint,
    string? ClaimedSession,
    string Detector);
