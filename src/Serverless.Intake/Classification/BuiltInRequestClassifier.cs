using Microsoft.Extensions.Options;
using Serverless.Classification.Model;
using Serverless.Intake.RequestHandler;

namespace Serverless.Intake.Classification;

/// <summary>The shipped TF-IDF + logistic regression model (models/request-classifier.json), loaded once on first use.
/// A missing or unreadable file makes every call fail, which the policy turns into the form's source.</summary>
internal sealed class BuiltInRequestClassifier(IOptions<ClassificationOptions> options)
{
    private readonly Lazy<TextClassifier> model = new(() => Load(options.Value.ModelPath), LazyThreadSafetyMode.ExecutionAndPublication);

    public LabelGuess Classify(RequestText text)
    {
        var prediction = model.Value.Predict(text.ForModel());
        if (!RequestTypes.All.Contains(prediction.Label))
        {
            throw new InvalidOperationException($"The model at {options.Value.ModelPath} answers '{prediction.Label}', which is not SUPPORT or MODELISATION.");
        }

        return new LabelGuess(prediction.Label, prediction.Confidence);
    }

    private static TextClassifier Load(string path) => ModelFiles.Load(path, "RequestHandler:Classification:ModelPath");
}
