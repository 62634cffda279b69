using Microsoft.Extensions.Options;
using Serverless.Connectors.Llm;
using Serverless.Helpdesk.Rules;

namespace Serverless.Helpdesk.Intents;

/// <summary>The optional LLM's question (Helpdesk:Llm): the primary intent, inside the label set of
/// rules/helpdesk/intents.json and nothing else (the shared classifier's strict schema). Only the subject and the
/// candidate's text go out.</summary>
public sealed class HelpdeskLlmIntents(LlmLabelClassifier labels, IOptions<HelpdeskOptions> options, HelpdeskRules rules)
{
    public const string SectionName = "Helpdesk:Llm";
    private const string Intent = "intent";

    private const string Instructions = """
        You read the messages candidates send to a driving-school training centre (in French) about their VTC / taxi
        exam: registration files, exam dates, training sessions (day "jour" or evening "soir"), documents, offers.
        intent: the main thing the candidate asks for, as one label of the list; judge by the label's name.
        Answer only with the requested JSON: the label and your confidence in it, between 0 and 1.
        """;

    public bool IsConfigured => options.Value.Llm.IsConfigured;

    public async Task<string?> PrimaryAsync(string subject, string text, CancellationToken cancellationToken)
    {
        var llm = options.Value.Llm;
        LlmLabelSet[] sets = [new(Intent, rules.Intents.Labels.Select(l => l.Label).ToList())];
        var user = $"Subject: {subject}\n\n{(text.Length <= 8000 ? text : text[..8000])}";
        var answer = await labels.ChooseAsync(llm, SectionName, Instructions, user, sets, cancellationToken);
        return answer.TryGetValue(Intent, out var label) && label.Confidence >= llm.MinConfidence ? label.Label : null;
    }
}
