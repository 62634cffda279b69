namespace Serverless.Engine.Expressions;

/// <summary>Character-level reading shared by paths, expressions and the template scanner.</summary>
internal static class Lexer
{
    public static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    public static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

    public static bool IsQuote(char c) => c is '\'' or '"';

    /// <summary>Reads a name at <paramref name="pos"/>; null when none starts there.</summary>
    public static string? ReadName(string text, ref int pos, bool allowLeadingDigit)
    {
        if (pos >= text.Length || !(IsNameStart(text[pos]) || (allowLeadingDigit && char.IsDigit(text[pos]))))
        {
            return null;
        }

        var start = pos;
        while (pos < text.Length && IsNameChar(text[pos]))
        {
            pos++;
        }

        return text[start..pos];
    }

    /// <summary>Reads a '...' or "..." literal starting at <paramref name="pos"/> (backslash escapes
    /// \\ \' \" \n \t); null when the closing quote is missing.</summary>
    public static string? ReadQuoted(string text, ref int pos)
    {
        var quote = text[pos];
        var builder = new System.Text.StringBuilder();
        for (var i = pos + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == quote)
            {
                pos = i + 1;
                return builder.ToString();
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                i++;
                builder.Append(text[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                continue;
            }

            builder.Append(c);
        }

        return null;
    }

    /// <summary>Index just after the quoted literal starting at <paramref name="pos"/>, or -1 when unclosed.</summary>
    public static int SkipQuoted(string text, int pos)
    {
        var probe = pos;
        return ReadQuoted(text, ref probe) is null ? -1 : probe;
    }
}
