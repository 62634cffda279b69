using System.Globalization;

namespace Serverless.Mail.Parsing;

/// <summary>What one <see cref="EmailParser.Parse"/> call has gathered so far, and what it may still read.</summary>
internal sealed class ParseState(MailParsingOptions settings)
{
    private readonly List<string> problems = [];
    private readonly HashSet<string> seenProblems = new(StringComparer.Ordinal);
    private readonly List<string> charsets = [];
    private int leftOut;

    /// <summary>Plain text characters still to read, over all parts (twice the body cap: tidying shrinks it).</summary>
    public int TextBudget { get; set; } = settings.MaxBodyChars * 2;

    /// <summary>HTML characters still to read: markup is most of an HTML body, so ten times the body cap.</summary>
    public int HtmlBudget { get; set; } = (int)Math.Min(int.MaxValue / 2, settings.MaxBodyChars * 10L);

    public List<ParsedAttachment> Attachments { get; } = [];

    public long AcceptedBytes { get; set; }

    public IReadOnlyList<string> Charsets => charsets;

    public void AddCharset(string charset)
    {
        if (charsets.Count < 20 && !charsets.Contains(charset))
        {
            charsets.Add(charset);
        }
    }

    /// <summary>Records a problem once (the same sentence twice is one entry).</summary>
    public void Problem(string sentence)
    {
        if (!seenProblems.Add(sentence))
        {
            return;
        }

        if (problems.Count < EmailParser.MaxProblems)
        {
            problems.Add(sentence);
        }
        else
        {
            leftOut++;
        }
    }

    public IReadOnlyList<string> ProblemList() =>
        leftOut == 0 ? problems : [.. problems, $"{leftOut.ToString(CultureInfo.InvariantCulture)} more problems were left out."];
}
