using System.Text;

namespace Serverless.Mail.Parsing;

/// <summary>Whitespace tidying shared by plain and HTML bodies.</summary>
internal static class TextTidy
{
    /// <summary>
    /// One kind of line break, no control characters, no-break spaces as spaces, no trailing spaces,
    /// runs of spaces inside a line as one, at most one empty line in a row, nothing blank at either end.
    /// </summary>
    public static string Tidy(string text)
    {
        var output = new StringBuilder(text.Length);
        var line = new StringBuilder();
        var blankLines = 0;
        var started = false;

        void EndLine()
        {
            var end = line.Length;
            while (end > 0 && line[end - 1] == ' ')
            {
                end--;
            }

            if (end == 0)
            {
                blankLines++;
            }
            else
            {
                if (started)
                {
                    output.Append('\n');
                    if (blankLines > 0)
                    {
                        output.Append('\n');
                    }
                }

                output.Append(line, 0, end);
                started = true;
                blankLines = 0;
            }

            line.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndLine();
            }
            else if (c == '\n')
            {
                EndLine();
            }
            else if (c is ' ' or '\t' or '\u00A0' or '\u2007' or '\u202F')
            {
                if (line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }
            }
            else if (char.IsControl(c) || c == '\uFEFF' || c == '\u200B')
            {
                continue;
            }
            else
            {
                line.Append(c);
            }
        }

        EndLine();
        return output.ToString();
    }
}
