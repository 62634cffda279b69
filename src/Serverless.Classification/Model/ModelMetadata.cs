namespace Serverless.Classification.Model;

/// <summary>What a model was trained on and how well its probabilities were calibrated, kept inside the model file.</summary>
public sealed record ModelMetadata
{
    public int TrainingExamples { get; init; }

    public int Seed { get; init; }

    public double L2 { get; init; }

    public int Iterations { get; init; }

    public double TrainingLoss { get; init; }

    public int CalibrationFolds { get; init; }

    /// <summary>Expected calibration error of the out-of-fold predictions before temperature scaling.</summary>
    public double CrossValidatedEceBefore { get; init; }

    /// <summary>Expected calibration error of the out-of-fold predictions after temperature scaling.</summary>
    public double CrossValidatedEceAfter { get; init; }

    public double CrossValidatedAccuracy { get; init; }
}
