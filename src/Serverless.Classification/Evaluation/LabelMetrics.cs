namespace Serverless.Classification.Evaluation;

/// <summary>Precision, recall and F1 of one label; <paramref name="Support"/> is how many examples truly carry it.</summary>
public sealed record LabelMetrics(string Label, double Precision, double Recall, double F1, int Support);
