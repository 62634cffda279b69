namespace Serverless.Classification.Features;

/// <summary>
/// l2 normalisation of a TF-IDF vector, over the whole vector or over its word and character parts apart
/// (<see cref="FeatureOptions.NormalizeWordsAndCharactersApart"/>). Features are numbered in ordinal order of their
/// names, so the character n-grams ("c|...") are one contiguous range of indices, between "b|" and "w|".
/// </summary>
internal static class TfIdfNorm
{
    /// <summary>The index range [start, end) of the character n-grams in an ordinally sorted vocabulary.</summary>
    public static (int Start, int End) CharacterRange(IReadOnlyList<string> sortedNames)
    {
        var start = Lower(sortedNames, "c|");
        var end = Lower(sortedNames, "c}");
        return (start, end);
    }

    public static void Apply(ReadOnlySpan<int> indices, Span<double> values, (int Start, int End) characters, bool apart)
    {
        if (!apart)
        {
            Scale(values, 1.0 / Norm(values));
            return;
        }

        var from = Lower(indices, characters.Start);
        var to = Lower(indices, characters.End);
        var before = values[..from];
        var chars = values[from..to];
        var after = values[to..];
        var wordNorm = Math.Sqrt((Norm(before) * Norm(before)) + (Norm(after) * Norm(after)));
        var charNorm = Norm(chars);
        var parts = (wordNorm > 0 ? 1 : 0) + (charNorm > 0 ? 1 : 0);
        var overall = parts == 2 ? Math.Sqrt(0.5) : 1.0;
        Scale(before, overall / wordNorm);
        Scale(after, overall / wordNorm);
        Scale(chars, overall / charNorm);
    }

    private static double Norm(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }

    private static void Scale(Span<double> values, double factor)
    {
        if (double.IsFinite(factor))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] *= factor;
            }
        }
    }

    private static int Lower(ReadOnlySpan<int> sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int Lower(IReadOnlyList<string> sorted, string value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(sorted[mid], value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
