using Serverless.Classification.Text;

namespace Serverless.Classification.Features;

/// <summary>
/// Every training text's n-gram counts, extracted once. Features seen in fewer than min-df texts of the whole corpus
/// are dropped; the rest are numbered in ordinal order of their names. Each cross-fit fold then takes its own
/// vocabulary and idf from its own texts (<see cref="Vocabulary"/>) without extracting anything again.
/// </summary>
internal sealed class FeaturizedCorpus
{
    private FeaturizedCorpus(string[] names, int[][] ids, int[][] counts, int minDocumentFrequency)
    {
        Names = names;
        Ids = ids;
        Counts = counts;
        MinDocumentFrequency = minDocumentFrequency;
    }

    /// <summary>Feature names, ordinally sorted; a feature's id is its position here.</summary>
    public string[] Names { get; }

    /// <summary>Per text, the ids of its features in ascending order.</summary>
    public int[][] Ids { get; }

    /// <summary>Per text, how often each feature of <see cref="Ids"/> occurs.</summary>
    public int[][] Counts { get; }

    public int MinDocumentFrequency { get; }

    public int Count => Ids.Length;

    public static FeaturizedCorpus Build(IReadOnlyList<string> texts, FeatureOptions options)
    {
        options.Validate();
        var sink = new NumberingSink(new Dictionary<string, int>(StringComparer.Ordinal));
        var firstIds = new int[texts.Count][];
        var firstCounts = new int[texts.Count][];
        var documentFrequency = new List<int>();

        // Normalising is the costly, independent part: it runs in parallel; numbering the n-grams stays in text order,
        // so the ids (and the model) do not depend on the thread count.
        var tokens = new IReadOnlyList<string>[texts.Count];
        Parallel.For(0, texts.Count, d => tokens[d] = TextNormalizer.Tokenize(texts[d], options.KeepStopWords));
        for (var d = 0; d < texts.Count; d++)
        {
            sink.Hits.Clear();
            NgramExtractor.Visit(tokens[d], options, ref sink);
            tokens[d] = [];
            (firstIds[d], firstCounts[d]) = RunLengths(sink.Hits);
            foreach (var id in firstIds[d])
            {
                if (id == documentFrequency.Count)
                {
                    documentFrequency.Add(0);
                }

                documentFrequency[id]++;
            }
        }

        var kept = sink.Names.Where(pair => documentFrequency[pair.Value] >= options.MinDocumentFrequency)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToArray();
        var rank = new int[documentFrequency.Count];
        Array.Fill(rank, -1);
        for (var r = 0; r < kept.Length; r++)
        {
            rank[kept[r].Value] = r;
        }

        var ids = new int[texts.Count][];
        var counts = new int[texts.Count][];
        for (var d = 0; d < texts.Count; d++)
        {
            var pairs = firstIds[d].Select((id, n) => (Id: rank[id], Count: firstCounts[d][n])).Where(p => p.Id >= 0).ToArray();
            Array.Sort(pairs, (a, b) => a.Id.CompareTo(b.Id));
            ids[d] = [.. pairs.Select(p => p.Id)];
            counts[d] = [.. pairs.Select(p => p.Count)];
        }

        return new FeaturizedCorpus([.. kept.Select(pair => pair.Key)], ids, counts, options.MinDocumentFrequency);
    }

    /// <summary>The vocabulary and idf that fitting on the texts <paramref name="documents"/> alone gives.</summary>
    public FoldVocabulary Vocabulary(IReadOnlyList<int> documents)
    {
        var documentFrequency = new int[Names.Length];
        foreach (var d in documents)
        {
            foreach (var id in Ids[d])
            {
                documentFrequency[id]++;
            }
        }

        var local = new int[Names.Length];
        var features = new List<int>();
        var idf = new List<double>();
        for (var id = 0; id < Names.Length; id++)
        {
            if (documentFrequency[id] >= MinDocumentFrequency)
            {
                local[id] = features.Count;
                features.Add(id);
                idf.Add(Math.Log((1.0 + documents.Count) / (1.0 + documentFrequency[id])) + 1.0);
            }
            else
            {
                local[id] = -1;
            }
        }

        return new FoldVocabulary([.. features], [.. idf], local);
    }

    private static (int[] Ids, int[] Counts) RunLengths(List<int> hits)
    {
        hits.Sort();
        var ids = new List<int>();
        var counts = new List<int>();
        for (var h = 0; h < hits.Count; h++)
        {
            if (h > 0 && hits[h] == hits[h - 1])
            {
                counts[^1]++;
            }
            else
            {
                ids.Add(hits[h]);
                counts.Add(1);
            }
        }

        return ([.. ids], [.. counts]);
    }

    /// <summary>Numbers each distinct n-gram in order of first sight; only a new n-gram allocates its name.</summary>
    private readonly struct NumberingSink(Dictionary<string, int> names) : INgramSink
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup =
            names.GetAlternateLookup<ReadOnlySpan<char>>();

        public Dictionary<string, int> Names => names;

        public List<int> Hits { get; } = new(1024);

        public void Add(ReadOnlySpan<char> feature)
        {
            if (!_lookup.TryGetValue(feature, out var id))
            {
                id = names.Count;
                _lookup[feature] = id;
            }

            Hits.Add(id);
        }
    }
}
