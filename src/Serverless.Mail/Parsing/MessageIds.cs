namespace Serverless.Mail.Parsing;

/// <summary>One spelling for message ids: no angle brackets, no whitespace, lower case.</summary>
public static class MessageIds
{
    /// <summary>Ids longer than this are not ids (RFC 5322 lines stop at 998 characters); they normalise to null.</summary>
    public const int MaxLength = 998;

    /// <summary>Ids kept at most by <see cref="ParseList"/>: the last ones, since the newest references come last.</summary>
    public const int MaxListCount = 100;

    /// <summary>"&lt;ABC@Example.com&gt;" → "abc@example.com"; null for null, blank or over-long input.</summary>
    public static string? Normalize(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var s = id.AsSpan().Trim();
        var open = s.IndexOf('<');
        if (open >= 0)
        {
            var rest = s[(open + 1)..];
            var close = rest.IndexOf('>');
            s = close >= 0 ? rest[..close] : rest;
        }

        s = s.Trim();
        if (s.IsEmpty || s.Length > MaxLength)
        {
            return null;
        }

        Span<char> buffer = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return n == 0 ? null : new string(buffer[..n]);
    }

    /// <summary>
    /// The ids of a References or In-Reply-To value, in header order, distinct: each &lt;...&gt; if there are any,
    /// else the words between spaces and commas. At most the last <see cref="MaxListCount"/>.
    /// </summary>
    public static IReadOnlyList<string> ParseList(string? headerValue)
    {
        if (string.IsNullOrWhiteSpace(headerValue))
        {
            return [];
        }

        var raw = new List<string>();
        if (headerValue.Contains('<'))
        {
            var i = 0;
            while (i < headerValue.Length)
            {
                var open = headerValue.IndexOf('<', i);
                if (open < 0)
                {
                    break;
                }

                var close = headerValue.IndexOf('>', open + 1);
                var end = close < 0 ? headerValue.Length : close;
                raw.Add(headerValue[(open + 1)..end]);
                i = end + 1;
            }
        }
        else
        {
            raw.AddRange(headerValue.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries));
        }

        // Walk from the end: the newest references are the ones worth keeping when there are too many.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>();
        for (var k = raw.Count - 1; k >= 0 && ids.Count < MaxListCount; k--)
        {
            var id = Normalize(raw[k]);
            if (id is not null && seen.Add(id))
            {
                ids.Add(id);
            }
        }

        ids.Reverse();
        return ids;
    }
}
