using System.Text.RegularExpressions;
using Serverless.Engine.Loading;

namespace Serverless.Helpdesk.Replies;

/// <summary>Finds, before any candidate does, a template that names a variable the triage never gives, a partial
/// that does not exist or a block left open. Each problem names the file and line, with the closest variable.</summary>
public static partial class TemplateCheck
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "else", "this", "true", "false", "null" };

    public static IReadOnlyList<string> Problems(string file, string source, IReadOnlySet<string> partials, IReadOnlySet<string> handleLabels)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<string>();
        var blocks = new Stack<(string Helper, int Line)>();
        // Comments may quote mustaches ({{!-- {{name}} --}}): blank them out, keeping their line breaks.
        source = Comment().Replace(source, m => new string(m.Value.Where(c => c == '\n').ToArray()));
        foreach (Match match in Mustache().Matches(source))
        {
            var line = 1 + source.AsSpan(0, match.Index).Count('\n');
            var body = match.Groups["body"].Value.Trim();
            if (body.StartsWith('!'))
            {
                continue;
            }

            if (body.StartsWith('>'))
            {
                var partial = body[1..].Trim().Split(' ', 2)[0];
                if (!partials.Contains(partial))
                {
                    problems.Add($"{file}:{line}: the partial '{partial}' does not exist{Suggestions.Ending(partial, partials)}");
                }

                continue;
            }

            if (body.StartsWith('/'))
            {
                var helper = body[1..].Trim();
                if (blocks.Count == 0 || blocks.Peek().Helper != helper)
                {
                    problems.Add($"{file}:{line}: '{{{{/{helper}}}}}' closes a block that is not open" + (blocks.Count > 0 ? $" (open: '{blocks.Peek().Helper}' from line {blocks.Peek().Line})." : "."));
                }
                else
                {
                    blocks.Pop();
                }

                continue;
            }

            var insideEach = blocks.Any(b => b.Helper == "each");
            string[] words;
            if (body.StartsWith('#'))
            {
                words = body[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    continue;
                }

                blocks.Push((words[0], line));
                words = words[1..];
            }
            else
            {
                words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 1)
                {
                    words = words[1..]; // a helper call: {{helper arg ...}}
                }
            }

            foreach (var word in words)
            {
                Check(word, insideEach, file, line, handleLabels, problems);
            }
        }

        problems.AddRange(blocks.Select(b => $"{file}:{b.Line}: the block '{{{{#{b.Helper}}}}}' is never closed."));
        return problems;
    }

    private static void Check(string word, bool insideEach, string file, int line, IReadOnlySet<string> handleLabels, List<string> problems)
    {
        if (word.StartsWith('"') || word.StartsWith('\'') || word.StartsWith('@') || word.Contains('=', StringComparison.Ordinal)
            || Keywords.Contains(word) || double.TryParse(word, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return;
        }

        var path = word.StartsWith("@root.", StringComparison.Ordinal) ? word["@root.".Length..] : word;
        var segments = path.Split('.');
        var known = insideEach && !word.StartsWith("@root.", StringComparison.Ordinal) ? TemplateVariables.ItemFields : TemplateVariables.All;
        if (!known.Contains(segments[0]))
        {
            problems.Add($"{file}:{line}: '{segments[0]}' is not a template variable{Suggestions.Ending(segments[0], known)}");
        }
        else if (segments[0] == "handles" && segments.Length > 1 && !handleLabels.Contains(segments[1]))
        {
            problems.Add($"{file}:{line}: 'handles.{segments[1]}' names no intent label of rules/helpdesk/intents.json{Suggestions.Ending(segments[1], handleLabels)}");
        }
    }

    [GeneratedRegex(@"\{\{!--.*?--\}\}|\{\{![^}]*\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\{\{\{?~?(?<body>[^{}]*?)~?\}?\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mustache();
}
