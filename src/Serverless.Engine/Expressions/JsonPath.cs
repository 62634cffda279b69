using System.Globalization;
using System.Text.Json.Nodes;

namespace Serverless.Engine.Expressions;

/// <summary>Dotted paths: <c>organisation.nom</c>, <c>items[2].name</c>, <c>items.2.name</c>, <c>headers["x-id"]</c>.</summary>
public static class JsonPath
{
    /// <summary>"a.b[2].c" -> ["a","b","2","c"]; a["x y"] -> ["a","x y"]. Throws <see cref="ExpressionException"/> for a malformed path.</summary>
    public static IReadOnlyList<string> Split(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = path.Trim();
        var segments = new List<string>();
        var pos = 0;
        var error = Read(text, ref pos, segments);
        if (error is null && pos < text.Length)
        {
            error = $"has unexpected text '{text[pos..].Trim()}'";
        }

        return error is null
            ? segments
            : throw new ExpressionException(path, $"The path '{path}' is not valid: it {error}.");
    }

    /// <summary>Walks <paramref name="segments"/> from index <paramref name="from"/>: object property or array
    /// index. False when a segment is missing; an existing null value is found (true, null).</summary>
    public static bool TryNavigate(JsonNode? start, IReadOnlyList<string> segments, int from, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var current = start;
        for (var i = from; i < segments.Count; i++)
        {
            JsonNode? next = null;
            var found = current switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segments[i], out next),
                JsonArray array => TryIndex(array, segments[i], out next),
                _ => false,
            };
            if (!found)
            {
                value = null;
                return false;
            }

            current = next;
        }

        value = current;
        return true;
    }

    private static bool TryIndex(JsonArray array, string segment, out JsonNode? item)
    {
        item = null;
        if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= array.Count)
        {
            return false;
        }

        item = array[index];
        return true;
    }

    /// <summary>Reads a path at <paramref name="pos"/> into <paramref name="segments"/>; returns a problem
    /// (to follow "it ") or null. Stops at the first character that cannot continue the path.</summary>
    internal static string? Read(string text, ref int pos, List<string> segments)
    {
        var first = Lexer.ReadName(text, ref pos, allowLeadingDigit: false);
        if (first is null)
        {
            return "does not start with a name";
        }

        segments.Add(first);
        while (pos < text.Length && text[pos] is '.' or '[')
        {
            if (text[pos] == '.')
            {
                pos++;
                var name = Lexer.ReadName(text, ref pos, allowLeadingDigit: true);
                if (name is null)
                {
                    return "has a '.' that is not followed by a name or an index";
                }

                segments.Add(name);
                continue;
            }

            pos++;
            var error = ReadBracket(text, ref pos, segments);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? ReadBracket(string text, ref int pos, List<string> segments)
    {
        if (pos < text.Length && Lexer.IsQuote(text[pos]))
        {
            var quoted = Lexer.ReadQuoted(text, ref pos);
            if (quoted is null)
            {
                return "has a quoted name without its closing quote";
            }

            segments.Add(quoted);
        }
        else
        {
            var start = pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }

            if (start == pos)
            {
                return "has a '[' that holds neither an index nor a quoted name";
            }

            segments.Add(text[start..pos]);
        }

        if (pos >= text.Length || text[pos] != ']')
        {
            return "has a '[' without its closing ']'";
        }

        pos++;
        return null;
    }
}
