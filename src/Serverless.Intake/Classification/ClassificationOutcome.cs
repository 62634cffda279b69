namespace Serverless.Intake.Classification;

/// <summary>What step 1 of the seed returns: the final type, its confidence (0..1), whether it differs from the
/// form's source, which classifier decided ("llm", "builtin" or "form") and why the others did not.</summary>
public sealed record ClassificationOutcome(
    string TypeFinal,
    double Confiance,
    bool Reclassifie,
    string Classifier,
    string FormType,
    IReadOnlyList<string> Notes);

/// <summary>One classifier's answer: a label from the fixed set and its confidence.</summary>
public sealed record LabelGuess(string Label, double Confidence);
