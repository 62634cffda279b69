namespace Serverless.Classification.Model;

/// <summary>The most probable label, its calibrated probability, and the probability of every label.</summary>
public sealed record Prediction(string Label, double Confidence, IReadOnlyDictionary<string, double> Probabilities);
