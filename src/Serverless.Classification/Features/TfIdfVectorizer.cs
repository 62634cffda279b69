namespace Serverless.Classification.Features;

/// <summary>
/// Maps a text to an l2-normalised TF-IDF vector over a fixed vocabulary (sublinear tf = 1 + ln(count),
/// smooth idf = ln((1 + N) / (1 + df)) + 1).
/// </summary>
/// <remarks>
/// An explicit vocabulary rather than the hashing trick: the training sets are small (hundreds to a few thousand
/// texts), so the vocabulary stays in the tens of thousands; there are no collisions, idf is exact, and the
/// saved model can say which n-grams drive a decision.
/// </remarks>
public sealed class TfIdfVectorizer
{
    private readonly Dictionary<string, int> _index;

    public TfIdfVectorizer(FeatureOptions options, IReadOnlyList<string> vocabulary, IReadOnlyList<double> idf)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(idf);
        if (vocabulary.Count != idf.Count)
        {
            throw new ArgumentException($"The vocabulary has {vocabulary.Count} entries but idf has {idf.Count}.");
        }

        Options = options;
        Vocabulary = vocabulary;
        Idf = idf;
        _index = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            if (!_index.TryAdd(vocabulary[i], i))
            {
                throw new ArgumentException($"The vocabulary lists '{vocabulary[i]}' twice.");
            }
        }
    }

    public FeatureOptions Options { get; }

    public IReadOnlyList<string> Vocabulary { get; }

    public IReadOnlyList<double> Idf { get; }

    public int Dimension => Vocabulary.Count;

    /// <summary>Builds the vocabulary and idf from training texts. Indices follow ordinal order of the feature names.</summary>
    public static TfIdfVectorizer Fit(IReadOnlyList<string> texts, FeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var feature in NgramExtractor.Count(text, options).Keys)
            {
                documentFrequency[feature] = documentFrequency.GetValueOrDefault(feature) + 1;
            }
        }

        var vocabulary = documentFrequency
            .Where(pair => pair.Value >= options.MinDocumentFrequency)
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var n = texts.Count;
        var idf = vocabulary.Select(f => Math.Log((1.0 + n) / (1.0 + documentFrequency[f])) + 1.0).ToArray();
        return new TfIdfVectorizer(options, vocabulary, idf);
    }

    public SparseVector Transform(string text)
    {
        var weights = new SortedDictionary<int, double>();
        foreach (var (feature, count) in NgramExtractor.Count(text, Options))
        {
            if (_index.TryGetValue(feature, out var i))
            {
                weights[i] = (1.0 + Math.Log(count)) * Idf[i];
            }
        }

        var norm = Math.Sqrt(weights.Values.Sum(v => v * v));
        var indices = new int[weights.Count];
        var values = new double[weights.Count];
        var k = 0;
        foreach (var (i, w) in weights)
        {
            indices[k] = i;
            values[k] = norm > 0 ? w / norm : 0;
            k++;
        }

        return new SparseVector(indices, values);
    }
}
