using System.Text.RegularExpressions;
using Serverless.Helpdesk.Rules;

namespace Serverless.Helpdesk.Intents;

/// <summary>The built-in detector: each label scores one point per phrase of rules/helpdesk/intents.json found in
/// the subject and the candidate's messages (the subject counts twice); the best score is the primary intent (file
/// order breaks ties), every other label that scored is secondary; nothing found gives the fallback label.</summary>
public sealed partial class IntentDetector(HelpdeskRules rules)
{
    public DetectedIntents Detect(string subject, string text)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(text);
        var intents = rules.Intents;
        var normalisedSubject = IntentText.Normalise(subject);
        var normalisedText = IntentText.Normalise(text);
        var scores = intents.Labels
            .Select((label, order) => (label.Label, order, Score: label.Phrases.Sum(p => 2 * Count(normalisedSubject, p) + Count(normalisedText, p))))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score).ThenBy(s => s.order)
            .ToList();
        var primary = scores.Count > 0 ? scores[0].Label : intents.Fallback;
        var both = normalisedSubject + normalisedText;
        var preference = intents.SessionPreferences
            .Select(p => (p.Key, Score: p.Value.Sum(w => Count(both, w))))
            .Where(p => p.Score > 0)
            .OrderByDescending(p => p.Score)
            .Select(p => p.Key)
            .FirstOrDefault();
        var complaint = intents.ComplaintPhrases.Any(p => both.Contains(p, StringComparison.Ordinal));
        var claimed = ClaimedSession().Match(subject + " " + text) is { Success: true } m ? m.Groups["date"].Value : null;
        return new DetectedIntents(primary, scores.Skip(1).Select(s => s.Label).ToList(), preference, complaint, claimed, "built-in");
    }

    private static int Count(string text, string phrase)
    {
        if (phrase.Trim().Length == 0)
        {
            return 0;
        }

        var count = 0;
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + phrase.Length - 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>"session du 10/02", "formation du 10/02/2026": the session a candidate says they are booked on.</summary>
    [GeneratedRegex(@"(?:session|formation)\s+du\s+(?<date>\d{1,2}/\d{1,2}(?:/\d{2,4})?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ClaimedSession();
}
