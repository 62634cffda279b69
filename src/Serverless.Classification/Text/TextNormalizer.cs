using System.Globalization;
using System.Text;

namespace Serverless.Classification.Text;

/// <summary>Turns raw French text into folded tokens: lower case, no accents, no punctuation, no stop words.</summary>
public static class TextNormalizer
{
    /// <summary>Lower-cases, folds accents and ligatures, and replaces every non letter/digit run by one space.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                continue;
            }

            var folded = Fold(c);
            if (folded is null && !char.IsLetterOrDigit(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            if (folded is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(folded);
            }
        }

        return builder.ToString();
    }

    /// <summary>The normalised words of <paramref name="text"/>, without single letters and, unless
    /// <paramref name="keepStopWords"/>, without French stop words.</summary>
    public static IReadOnlyList<string> Tokenize(string text, bool keepStopWords = false)
    {
        var tokens = new List<string>();
        foreach (var token in Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Single letters are elision leftovers (l', d', j') or list markers; single digits may matter ("r+1").
            if (token.Length == 1 && !char.IsDigit(token[0]))
            {
                continue;
            }

            if (keepStopWords || !FrenchStopWords.Contains(token))
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    /// <summary>The letters a ligature or special letter folds to; null when the character stays as it is.</summary>
    private static string? Fold(char c) => c switch
    {
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        'ø' => "o",
        'đ' or 'ð' => "d",
        'ł' => "l",
        _ => null,
    };
}
