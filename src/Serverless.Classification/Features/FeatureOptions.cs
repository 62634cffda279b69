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

    /// <summary>Keeps French function words as tokens, so bigrams such as "ne fonctionne" stay whole. Version 1 model
    /// files dropped them (they load with false).</summary>
    public bool KeepStopWords { get; init; } = true;

    /// <summary>
    /// When true, the word features (w|, b|) and the character features (c|) are each l2-normalised, then the whole
    /// vector is scaled back to unit length, so the many character n-grams cannot drown the few words (scikit-learn's
    /// union of two TF-IDF vectorizers weighs them the same way). Version 1 model files used one norm over everything
    /// (they load with false).
    /// </summary>
    public bool NormalizeWordsAndCharactersApart { get; init; } = true;

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
