using System.Text.Json.Nodes;
using Serverless.Mail.Classification;
using Serverless.Runtime.Abstractions;

namespace Serverless.Mail.Agent.Activities;

/// <summary>Step 3: category, priority, urgency and confidence (<see cref="EmailClassifier"/>). No I/O once the
/// models are loaded; a model file that is missing or answers outside the label sets fails the step as Validation,
/// naming the file and the setting, and the workflow's fallback gives the default labels.</summary>
internal sealed class ClassifyActivity(EmailClassifier classifier) : IActivity
{
    public string Name => MailAgentNames.Classify;

    public Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        EmailClassification result;
        try
        {
            result = classifier.Classify(ActivityInput.Optional(context, "subject") ?? "", ActivityInput.Optional(context, "text") ?? "");
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or Serverless.Classification.Model.ModelFormatException)
        {
            throw new ActivityException(Serverless.Engine.Definitions.ErrorKinds.Validation, e.Message, inner: e);
        }

        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["category"] = result.Category,
            ["categoryConfidence"] = Math.Round(result.CategoryConfidence, 4),
            ["priority"] = result.Priority,
            ["priorityConfidence"] = Math.Round(result.PriorityConfidence, 4),
            ["urgency"] = result.Urgency,
            ["classifier"] = result.Classifier,
            ["reasons"] = new JsonArray(result.Reasons.Select(r => (JsonNode?)r).ToArray()),
        });
    }
}
