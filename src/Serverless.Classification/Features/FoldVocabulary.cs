using System.Runtime.InteropServices;

namespace Serverless.Classification.Features;

/// <summary>The part of a <see cref="FeaturizedCorpus"/> vocabulary that one set of training texts keeps, with its idf.</summary>
internal sealed class FoldVocabulary(int[] features, double[] idf, int[] localOf)
{
    /// <summary>Corpus feature ids kept, ascending; a feature's index in the fold is its position here.</summary>
    public int[] Features { get; } = features;

    public double[] Idf { get; } = idf;

    public int Dimension => Features.Length;

    /// <summary>The l2-normalised TF-IDF rows of <paramref name="documents"/> over this vocabulary.</summary>
    public SparseMatrix Rows(FeaturizedCorpus corpus, IReadOnlyList<int> documents, FeatureOptions options)
    {
        var characters = TfIdfNorm.CharacterRange([.. Features.Select(id => corpus.Names[id])]);
        var rowStart = new int[documents.Count + 1];
        for (var r = 0; r < documents.Count; r++)
        {
            var kept = 0;
            foreach (var id in corpus.Ids[documents[r]])
            {
                kept += localOf[id] >= 0 ? 1 : 0;
            }

            rowStart[r + 1] = rowStart[r] + kept;
        }

        var columns = new int[rowStart[^1]];
        var values = new float[rowStart[^1]];
        var weights = new List<double>();
        var local = new List<int>();
        for (var r = 0; r < documents.Count; r++)
        {
            var ids = corpus.Ids[documents[r]];
            var counts = corpus.Counts[documents[r]];
            var at = rowStart[r];
            weights.Clear();
            local.Clear();
            for (var n = 0; n < ids.Length; n++)
            {
                var j = localOf[ids[n]];
                if (j >= 0)
                {
                    var w = (1.0 + Math.Log(counts[n])) * Idf[j];
                    columns[at + weights.Count] = j;
                    weights.Add(w);
                    local.Add(j);
                }
            }

            var normalised = CollectionsMarshal.AsSpan(weights);
            TfIdfNorm.Apply(CollectionsMarshal.AsSpan(local), normalised, characters, options.NormalizeWordsAndCharactersApart);
            for (var n = 0; n < normalised.Length; n++)
            {
                values[at + n] = (float)normalised[n];
            }
        }

        return new SparseMatrix(rowStart, columns, values, Dimension);
    }

    public TfIdfVectorizer ToVectorizer(FeaturizedCorpus corpus, FeatureOptions options) =>
        new(options, [.. Features.Select(id => corpus.Names[id])], Idf);
}
