using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Serverless.Connectors.Llm;
using Serverless.Mail.Classification;
using Serverless.Runtime.Abstractions;

namespace Serverless.Mail.Agent.Activities;

/// <summary>Step 3: category, priority, urgency and confidence. The optional LLM is asked first (inside the label
/// sets); its failures are noted and the built-in models decide (<see cref="EmailClassifier"/>). A model file that is
/// missing or answers outside the label sets fails the step as Validation, naming the file and the setting, and the
/// workflow's fallback gives the default labels.</summary>
internal sealed partial class ClassifyActivity(EmailClassifier classifier, EmailLlmClassifier llm, ILogger<ClassifyActivity> logger) : IActivity
{
    public string Name => MailAgentNames.Classify;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var subject = ActivityInput.Optional(context, "subject") ?? "";
        var text = ActivityInput.Optional(context, "text") ?? "";
        IReadOnlyDictionary<string, LlmLabel>? answer = null;
        string? note = null;
        if (llm.IsConfigured)
        {
            try
            {
                answer = await llm.ClassifyAsync(subject, text, cancellationToken);
            }
            catch (LlmClassificationException e)
            {
                LlmFailed(logger, e.Message);
                note = $"LLM failed: {e.Message}";
            }
        }

        EmailClassification result;
        try
        {
            result = classifier.Classify(subject, text, answer, note);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or Serverless.Classification.Model.ModelFormatException)
        {
            throw new ActivityException(Serverless.Engine.Definitions.ErrorKinds.Validation, e.Message, inner: e);
        }

        return new JsonObject
        {
            ["category"] = result.Category,
            ["categoryConfidence"] = Math.Round(result.CategoryConfidence, 4),
            ["priority"] = result.Priority,
            ["priorityConfidence"] = Math.Round(result.PriorityConfidence, 4),
            ["urgency"] = result.Urgency,
            ["classifier"] = result.Classifier,
            ["reasons"] = new JsonArray(result.Reasons.Select(r => (JsonNode?)r).ToArray()),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The LLM email classifier failed, the built-in models decide: {Reason}")]
    private static partial void LlmFailed(ILogger logger, string reason);
}
