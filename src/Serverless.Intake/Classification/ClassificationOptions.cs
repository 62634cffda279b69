namespace Serverless.Intake.Classification;

/// <summary>Section "RequestHandler:Classification": LLM when configured and confident, else the built-in model, else the form.</summary>
public sealed class ClassificationOptions
{
    public const string SectionName = "RequestHandler:Classification";

    /// <summary>The built-in model file; relative paths are looked up from the current directory upwards.</summary>
    public string ModelPath { get; set; } = "models/request-classifier.json";

    /// <summary>Below this calibrated probability the built-in model's answer is not used and the form's source stands.</summary>
    public double BuiltInMinConfidence { get; set; } = 0.6;

    public LlmClassifierOptions Llm { get; set; } = new();
}

/// <summary>Section "RequestHandler:Classification:Llm". Provider "none" (default), "openai" or "azure".</summary>
public sealed class LlmClassifierOptions
{
    public const string None = "none";
    public const string OpenAI = "openai";
    public const string Azure = "azure";

    public string Provider { get; set; } = None;

    /// <summary>openai: optional (default https://api.openai.com/v1); azure: https://RESOURCE.openai.azure.com/openai/v1/.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Model name (openai) or deployment name (azure).</summary>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Below this confidence the LLM's label is not used and the built-in model decides.</summary>
    public double MinConfidence { get; set; } = 0.7;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool IsConfigured => !string.Equals(Provider, None, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(ApiKey);
}
