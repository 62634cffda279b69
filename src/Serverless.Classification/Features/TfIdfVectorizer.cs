using Serverless.Classification.Text;

namespace Serverless.Classification.Features;

/// <summary>
/// Maps a text to an l2-normalised TF-IDF vector over a fixed vocabulary (sublinear tf = 1 + ln(count),
/// smooth idf = ln((1 + N) / (1 + df)) + 1).
/// </summary>
/// <remarks>
/// An explicit vocabulary (pruned by min-df) rather than the hashing trick: there are no collisions, idf is exact,
/// and the saved model can say which n-grams drive a decision. Lookups go through the dictionary's span view, so
/// transforming a text allocates no string per n-gram.
/// </remarks>
public sealed class TfIdfVectorizer
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FeatureTable? _table;
    private readonly double[] _idf;
    private readonly (int Start, int End) _characters;

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
        _idf = [.. idf];
        var index = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            if (!index.TryAdd(vocabulary[i], i))
            {
                throw new ArgumentException($"The vocabulary lists '{vocabulary[i]}' twice.");
            }
        }

        _lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        _table = FeatureTable.TryBuild(vocabulary);
        _characters = TfIdfNorm.CharacterRange(vocabulary);
    }

    public FeatureOptions Options { get; }

    public IReadOnlyList<string> Vocabulary { get; }

    public IReadOnlyList<double> Idf => _idf;

    public int Dimension => Vocabulary.Count;

    /// <summary>Builds the vocabulary and idf from training texts. Indices follow ordinal order of the feature names.</summary>
    public static TfIdfVectorizer Fit(IReadOnlyList<string> texts, FeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        var corpus = FeaturizedCorpus.Build(texts, options);
        var all = Enumerable.Range(0, texts.Count).ToArray();
        return corpus.Vocabulary(all).ToVectorizer(corpus, options);
    }

    public SparseVector Transform(string text)
    {
        var sink = new IndexSink(this);
        NgramExtractor.Visit(TextNormalizer.Tokenize(text, Options.KeepStopWords), Options, ref sink);
        return Weigh(sink.Hits, _idf, _characters, Options.NormalizeWordsAndCharactersApart);
    }

    /// <summary>The TF-IDF vector of a bag of feature indices (repeats count): sorted, weighted, l2-normalised.</summary>
    private static SparseVector Weigh(List<int> hits, double[] idf, (int Start, int End) characters, bool apart)
    {
        hits.Sort();
        var distinct = 0;
        for (var h = 0; h < hits.Count; h++)
        {
            if (h == 0 || hits[h] != hits[h - 1])
            {
                distinct++;
            }
        }

        var indices = new int[distinct];
        var values = new double[distinct];
        var k = -1;
        var count = 0;
        for (var h = 0; h <= hits.Count; h++)
        {
            if (h < hits.Count && h > 0 && hits[h] == hits[h - 1])
            {
                count++;
                continue;
            }

            if (k >= 0)
            {
                values[k] = (1.0 + Math.Log(count)) * idf[indices[k]];
            }

            if (h < hits.Count)
            {
                indices[++k] = hits[h];
                count = 1;
            }
        }

        TfIdfNorm.Apply(indices, values, characters, apart);
        return new SparseVector(indices, values);
    }

    private readonly struct IndexSink(TfIdfVectorizer vectorizer) : INgramSink
    {
        public List<int> Hits { get; } = new(256);

        public void Add(ReadOnlySpan<char> feature)
        {
            if (vectorizer._table is { } table ? table.TryGetValue(feature, out var i) : vectorizer._lookup.TryGetValue(feature, out i))
            {
                Hits.Add(i);
            }
        }
    }
}
