namespace Serverless.Classification.Evaluation;

/// <summary>How a classifier did on a labelled set.</summary>
/// <param name="Confusion">Rows are true labels, columns predicted labels, both in <paramref name="Labels"/> order.</param>
/// <param name="LogLoss">Mean -ln p(true label); examples whose label the model does not know are left out.</param>
public sealed record EvaluationReport(
    IReadOnlyList<string> Labels,
    int[][] Confusion,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<LabelMetrics> PerLabel,
    double ExpectedCalibrationError,
    double LogLoss,
    int Count);
