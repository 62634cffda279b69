using Serverless.Classification.Text;

namespace Serverless.Classification.Features;

/// <summary>Raw n-gram counts of one text, keyed by a prefixed feature name (w| word, b| bigram, c| characters).</summary>
public static class NgramExtractor
{
    public static Dictionary<string, int> Count(string text, FeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tokens = TextNormalizer.Tokenize(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (options.WordUnigrams)
            {
                Add(counts, "w|" + tokens[i]);
            }

            if (options.WordBigrams && i + 1 < tokens.Count)
            {
                Add(counts, "b|" + tokens[i] + " " + tokens[i + 1]);
            }

            if (options.CharNgramMin > 0)
            {
                AddCharacterNgrams(counts, tokens[i], options.CharNgramMin, options.CharNgramMax);
            }
        }

        return counts;
    }

    private static void AddCharacterNgrams(Dictionary<string, int> counts, string token, int min, int max)
    {
        // Padding marks the word boundary, so "3d" at the start of a word differs from "3d" inside one.
        var padded = " " + token + " ";
        for (var n = min; n <= max && n <= padded.Length; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                Add(counts, string.Concat("c|", padded.AsSpan(start, n)));
            }
        }
    }

    private static void Add(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
