using Microsoft.Extensions.Options;
using Serverless.Connectors.Llm;

namespace Serverless.Mail.Classification;

/// <summary>The email agent's question to the shared <see cref="LlmLabelClassifier"/>: a category and a priority, each
/// inside the configured label set, in one call. Only the subject and the text go out (no addresses, no attachments).</summary>
public sealed class EmailLlmClassifier(LlmLabelClassifier labels, IOptions<EmailClassificationOptions> options)
{
    public const string Category = "category";
    public const string Priority = "priority";

    private const string Instructions = """
        You sort the emails a company's support mailbox receives (in French or English) into tickets.
        category: what the email is about. Typical meanings: Technique = outage, bug, error, integration, access
        problem; Commercial = quote, pricing, demo, contract, partnership; Support = how-to question, account or
        settings change, onboarding; Facturation = invoice, payment, refund, VAT, credit note. Other labels: judge by
        their name.
        priority: how fast the team must act, most urgent first in the list (production down, data loss or security
        first; blocking with a deadline next; an ordinary request; information with no rush last).
        Answer only with the requested JSON: one label from each list and your confidence in it, between 0 and 1.
        """;

    public bool IsConfigured => options.Value.Llm.IsConfigured;

    public Task<IReadOnlyDictionary<string, LlmLabel>> ClassifyAsync(string subject, string text, CancellationToken cancellationToken)
    {
        var o = options.Value;
        LlmLabelSet[] sets = [new(Category, o.Categories), new(Priority, o.Priorities)];
        var user = $"Subject: {subject}\n\n{Trim(text)}";
        return labels.ChooseAsync(o.Llm, EmailClassificationOptions.LlmSectionName, Instructions, user, sets, cancellationToken);
    }

    // The first 8,000 characters decide as well as the whole thread and cost far less.
    private static string Trim(string text) => text.Length <= 8000 ? text : text[..8000];
}
