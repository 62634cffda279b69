using Serverless.Connectors.Llm;

namespace Serverless.Intake.Classification;

/// <summary>Section "RequestHandler:Classification": LLM when configured and confident, else the built-in model, else the form.</summary>
public sealed class ClassificationOptions
{
    public const string SectionName = "RequestHandler:Classification";
    public const string LlmSectionName = SectionName + ":Llm";

    /// <summary>The built-in model file; relative paths are looked up from the current directory upwards.</summary>
    public string ModelPath { get; set; } = "models/request-classifier.json";

    /// <summary>Below this calibrated probability the built-in model's answer is not used and the form's source stands.</summary>
    public double BuiltInMinConfidence { get; set; } = 0.6;

    public LlmClassifierOptions Llm { get; set; } = new();
}
