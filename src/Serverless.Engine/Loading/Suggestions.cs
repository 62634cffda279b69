namespace Serverless.Engine.Loading;

/// <summary>"Did you mean" hints: typos are the most common mistake in hand-written definitions.</summary>
public static class Suggestions
{
    /// <summary>" — did you mean 'x'?" for the closest candidate within a couple of edits, else "".</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var closest = Closest(input, candidates);
        return closest is null ? "" : $" — did you mean '{closest}'?";
    }

    /// <summary>The end of a sentence: the hint when there is one, else a full stop.</summary>
    public static string Ending(string input, IEnumerable<string> candidates)
    {
        var hint = DidYouMean(input, candidates);
        return hint.Length > 0 ? hint : ".";
    }

    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        var allowed = input.Length <= 4 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // Doubled so that, at equal edit distance, a candidate with the same letters ("=>" and ">=") wins.
            var distance = 2 * Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant()) - (SameLetters(input, candidate) ? 1 : 0);
            if (distance <= 2 * allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static bool SameLetters(string a, string b) =>
        a.ToLowerInvariant().Order().SequenceEqual(b.ToLowerInvariant().Order());

    public static string List(IEnumerable<string> items) => string.Join(", ", items);

    // Optimal string alignment distance: like Levenshtein, but a swap of two neighbours costs one edit.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
