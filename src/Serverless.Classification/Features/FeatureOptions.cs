namespace Serverless.Classification.Features;

/// <summary>Which n-grams become features, and how rare a feature may be before it is dropped.</summary>
public sealed record FeatureOptions
{
    public bool WordUnigrams { get; init; } = true;

    public bool WordBigrams { get; init; } = true;

    /// <summary>Shortest character n-gram, taken inside one padded word (" word "). 0 disables character n-grams.</summary>
    public int CharNgramMin { get; init; } = 3;

    public int CharNgramMax { get; init; } = 5;

    /// <summary>A feature seen in fewer training documents than this is left out of the vocabulary.</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    public void Validate()
    {
        if (!WordUnigrams && !WordBigrams && CharNgramMin == 0)
        {
            throw new ArgumentException("At least one kind of n-gram must be enabled.");
        }

        if (CharNgramMin < 0 || (CharNgramMin > 0 && CharNgramMax < CharNgramMin))
        {
            throw new ArgumentException($"Invalid character n-gram range {CharNgramMin}-{CharNgramMax}.");
        }

        if (MinDocumentFrequency < 1)
        {
            throw new ArgumentException("MinDocumentFrequency must be at least 1.");
        }
    }
}
