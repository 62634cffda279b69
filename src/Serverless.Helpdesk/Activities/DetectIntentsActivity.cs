using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Serverless.Connectors.Llm;
using Serverless.Helpdesk.Intents;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>Step 4: what the candidate asks. The built-in detector always runs (secondary intents, session
/// preference, complaint, claimed session); a configured LLM may choose the primary intent inside the same labels,
/// and when it fails or hesitates the built-in answer stands (noted in the output).</summary>
internal sealed partial class DetectIntentsActivity(IntentDetector detector, HelpdeskLlmIntents llm, ILogger<DetectIntentsActivity> logger) : IActivity
{
    public string Name => HelpdeskNames.DetectIntents;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var subject = ActivityInput.Optional(context, "subject") ?? "";
        var text = ActivityInput.Optional(context, "text") ?? "";
        var found = detector.Detect(subject, text);
        string? note = null;
        if (llm.IsConfigured)
        {
            try
            {
                if (await llm.PrimaryAsync(subject, text, cancellationToken) is { } primary && primary != found.Primary)
                {
                    var secondary = new[] { found.Primary }.Concat(found.Secondary).Where(s => s != primary).Distinct().ToList();
                    found = found with { Primary = primary, Secondary = secondary, Detector = "llm" };
                }
            }
            catch (LlmClassificationException e)
            {
                LlmFailed(logger, e.Message);
                note = $"LLM failed: {e.Message}";
            }
        }

        return new JsonObject
        {
            ["primary"] = found.Primary,
            ["secondary"] = new JsonArray(found.Secondary.Select(s => (JsonNode?)s).ToArray()),
            ["sessionPreference"] = found.SessionPreference,
            ["isComplaint"] = found.IsComplaint,
            ["claimedSession"] = found.ClaimedSession,
            ["detector"] = found.Detector,
            ["note"] = note,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The LLM intent detector failed, the built-in detector decides: {Reason}")]
    private static partial void LlmFailed(ILogger logger, string reason);
}
