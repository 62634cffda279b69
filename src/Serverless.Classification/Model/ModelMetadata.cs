namespace Serverless.Classification.Model;

/// <summary>What a model was trained on and how well its probabilities were calibrated, kept inside the model file.</summary>
public sealed record ModelMetadata
{
    public int TrainingExamples { get; init; }

    public int Seed { get; init; }

    /// <summary>How the weights were found: "ovr-l2svm-dual-cd" (one-vs-rest linear SVM), or "softmax-lbfgs" for
    /// version 1 files, which carried no solver name.</summary>
    public string Solver { get; init; } = "softmax-lbfgs";

    /// <summary>The SVM's cost C (the inverse of the regularisation strength).</summary>
    public double Cost { get; init; }

    /// <summary>Most solver passes any label's final fit took.</summary>
    public int Iterations { get; init; }

    public int CalibrationFolds { get; init; }

    /// <summary>Expected calibration error of the out-of-fold predictions before temperature scaling.</summary>
    public double CrossValidatedEceBefore { get; init; }

    /// <summary>Expected calibration error of the out-of-fold predictions after temperature scaling.</summary>
    public double CrossValidatedEceAfter { get; init; }

    public double CrossValidatedAccuracy { get; init; }
}
