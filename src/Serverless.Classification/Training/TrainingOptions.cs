using Serverless.Classification.Features;

namespace Serverless.Classification.Training;

/// <summary>Settings of one training run. The defaults are those the shipped request model was trained with.</summary>
public sealed record TrainingOptions
{
    public FeatureOptions Features { get; init; } = new();

    /// <summary>L2 penalty on the weights, relative to the mean log-loss.</summary>
    public double L2 { get; init; } = 1e-4;

    public int MaxIterations { get; init; } = 300;

    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Folds of the cross-fit whose out-of-fold predictions calibrate the temperature; below 2 disables it.</summary>
    public int CalibrationFolds { get; init; } = 5;

    /// <summary>Drives the fold assignment; the optimiser itself is deterministic.</summary>
    public int Seed { get; init; } = 42;
}
