using Serverless.Classification.Text;

namespace Serverless.Classification.Features;

/// <summary>The n-grams of one text, named by a prefix (w| word, b| bigram, c| characters) and the n-gram itself.</summary>
public static class NgramExtractor
{
    /// <summary>Raw n-gram counts, keyed by feature name.</summary>
    public static Dictionary<string, int> Count(string text, FeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sink = new CountingSink(new Dictionary<string, int>(StringComparer.Ordinal));
        Visit(TextNormalizer.Tokenize(text, options.KeepStopWords), options, ref sink);
        return sink.Counts;
    }

    /// <summary>
    /// Hands every n-gram of <paramref name="tokens"/> to <paramref name="sink"/>, in a fixed order, without allocating
    /// a string per n-gram: the feature names are written into one buffer and passed as spans.
    /// </summary>
    internal static void Visit<TSink>(IReadOnlyList<string> tokens, FeatureOptions options, ref TSink sink)
        where TSink : INgramSink
    {
        var longest = 0;
        foreach (var token in tokens)
        {
            longest = Math.Max(longest, token.Length);
        }

        Span<char> buffer = (2 * longest) + 8 <= 512 ? stackalloc char[512] : new char[(2 * longest) + 8];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].AsSpan();
            if (options.WordUnigrams)
            {
                sink.Add(Write(buffer, "w|", token));
            }

            if (options.WordBigrams && i + 1 < tokens.Count)
            {
                var next = tokens[i + 1].AsSpan();
                var length = Write(buffer, "b|", token).Length;
                buffer[length] = ' ';
                next.CopyTo(buffer[(length + 1)..]);
                sink.Add(buffer[..(length + 1 + next.Length)]);
            }

            if (options.CharNgramMin > 0)
            {
                // Padding marks the word boundary, so "3d" at the start of a word differs from "3d" inside one.
                buffer[0] = 'c';
                buffer[1] = '|';
                var padded = buffer.Slice(2, token.Length + 2);
                padded[0] = ' ';
                token.CopyTo(padded[1..]);
                padded[^1] = ' ';
                var gram = buffer[(token.Length + 4)..];
                gram[0] = 'c';
                gram[1] = '|';
                for (var n = options.CharNgramMin; n <= options.CharNgramMax && n <= padded.Length; n++)
                {
                    for (var start = 0; start + n <= padded.Length; start++)
                    {
                        padded.Slice(start, n).CopyTo(gram[2..]);
                        sink.Add(gram[..(n + 2)]);
                    }
                }
            }
        }
    }

    private static Span<char> Write(Span<char> buffer, string prefix, ReadOnlySpan<char> token)
    {
        prefix.AsSpan().CopyTo(buffer);
        token.CopyTo(buffer[prefix.Length..]);
        return buffer[..(prefix.Length + token.Length)];
    }

    private readonly struct CountingSink(Dictionary<string, int> counts) : INgramSink
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup =
            counts.GetAlternateLookup<ReadOnlySpan<char>>();

        public Dictionary<string, int> Counts => counts;

        public void Add(ReadOnlySpan<char> feature)
        {
            _lookup.TryGetValue(feature, out var count);
            _lookup[feature] = count + 1;
        }
    }
}
