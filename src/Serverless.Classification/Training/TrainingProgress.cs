namespace Serverless.Classification.Training;

/// <summary>How far a training run is: <paramref name="Done"/> of <paramref name="Total"/> label fits, in <paramref name="Stage"/>
/// ("featurizing", "fold 2/5", "final fit", "calibrating").</summary>
public sealed record TrainingProgress(string Stage, int Done, int Total);
