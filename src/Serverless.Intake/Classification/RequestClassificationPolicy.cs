using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Intake.RequestHandler;

namespace Serverless.Intake.Classification;

/// <summary>LLM when configured and confident, else the built-in model when confident, else the form's source.
/// Each classifier that was passed over leaves a note saying why, shown on the instance timeline.</summary>
internal sealed class RequestClassificationPolicy(
    LlmRequestClassifier llm,
    BuiltInRequestClassifier builtIn,
    IOptions<ClassificationOptions> options,
    ILogger<RequestClassificationPolicy> logger)
{
    public async Task<ClassificationOutcome> ClassifyAsync(RequestText text, string formType, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var notes = new List<string>();
        if (llm.IsConfigured)
        {
            try
            {
                var guess = await llm.ClassifyAsync(text, formType, cancellationToken);
                if (guess.Confidence >= o.Llm.MinConfidence)
                {
                    return Decide(guess, ClassifierNames.Llm, formType, notes);
                }

                notes.Add($"LLM: {guess.Label} at {guess.Confidence:0.00}, below RequestHandler:Classification:Llm:MinConfidence ({o.Llm.MinConfidence:0.00}).");
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                ClassificationLog.ClassifierFailed(logger, ClassifierNames.Llm, ex.Message);
                notes.Add($"LLM failed: {ex.Message}");
            }
        }
        else
        {
            notes.Add("LLM: not configured (RequestHandler:Classification:Llm).");
        }

        try
        {
            var guess = builtIn.Classify(text);
            if (guess.Confidence >= o.BuiltInMinConfidence)
            {
                return Decide(guess, ClassifierNames.BuiltIn, formType, notes);
            }

            notes.Add($"Built-in model: {guess.Label} at {guess.Confidence:0.00}, below RequestHandler:Classification:BuiltInMinConfidence ({o.BuiltInMinConfidence:0.00}).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ClassificationLog.ClassifierFailed(logger, ClassifierNames.BuiltIn, ex.Message);
            notes.Add($"Built-in model failed: {ex.Message}");
        }

        notes.Add("The form's source decides.");
        return new ClassificationOutcome(formType, 0, false, ClassifierNames.Form, formType, notes);
    }

    private static ClassificationOutcome Decide(LabelGuess guess, string classifier, string formType, List<string> notes) =>
        new(guess.Label, Math.Round(guess.Confidence, 4), guess.Label != formType, classifier, formType, notes);
}
