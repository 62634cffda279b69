namespace Serverless.Mail.Classification;

/// <summary>What the agent decided for a message: category and priority inside the configured label sets, each with the
/// model's confidence (0 when no model decided), the urgency rule that raised the priority, and why.</summary>
public sealed record EmailClassification(
    string Category,
    double CategoryConfidence,
    string Priority,
    double PriorityConfidence,
    string? Urgency,
    string Classifier,
    IReadOnlyList<string> Reasons);
