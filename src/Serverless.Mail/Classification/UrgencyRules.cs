using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.Mail.Classification;

/// <summary>The urgency rules compiled once: each keyword is matched as whole words, ignoring case and accents.
/// The keywords are escaped literals, so matching is linear; the timeout is a second guard.</summary>
internal sealed class UrgencyRules
{
    private readonly List<(UrgencyRule Rule, Regex Pattern)> rules;

    public UrgencyRules(IEnumerable<UrgencyRule> rules) =>
        this.rules = rules.Where(r => r.Keywords.Count > 0)
            .Select(r => (r, new Regex(
                @"(?<![\p{L}\p{N}])(" + string.Join('|', r.Keywords.Select(k => Regex.Escape(Fold(k.Trim())))) + @")(?![\p{L}\p{N}])",
                RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250))))
            .ToList();

    /// <summary>Every rule that matches, with the keyword found.</summary>
    public IEnumerable<(UrgencyRule Rule, string Keyword)> Matches(string text)
    {
        var folded = Fold(text);
        foreach (var (rule, pattern) in rules)
        {
            if (pattern.Match(folded) is { Success: true } match)
            {
                yield return (rule, match.Value);
            }
        }
    }

    /// <summary>Lower case without diacritics: "Bloquée" and "bloquee" are the same keyword.</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }
}
