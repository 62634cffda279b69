using System.Globalization;
using System.Text;

namespace Serverless.Helpdesk.Rules;

/// <summary>Text as the intent phrases are matched: lower case, no accents, single spaces, so that "Clôture" in a
/// rules file matches "cloture" typed by a candidate.</summary>
public static class IntentText
{
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length + 2);
        builder.Append(' ');
        var space = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var keep = char.IsLetterOrDigit(c) || c is '€' or '\'';
            if (keep)
            {
                builder.Append(c == '\'' ? ' ' : c);
                space = c == '\'';
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        if (!space)
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }
}
