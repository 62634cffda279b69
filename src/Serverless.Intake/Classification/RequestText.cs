namespace Serverless.Intake.Classification;

/// <summary>The text a classifier reads, written the way the training set is ("Objet: ...\n" + description).</summary>
public sealed record RequestText(string Objet, string Description, IReadOnlyList<string> FileNames)
{
    public string ForModel() => $"Objet: {Objet}\n{Description}";
}
