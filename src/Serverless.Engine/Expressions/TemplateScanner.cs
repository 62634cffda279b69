namespace Serverless.Engine.Expressions;

/// <summary>One piece of a template string: literal text, or the source of one <c>{{ expression }}</c> (without braces).</summary>
internal readonly record struct TemplatePart(bool IsExpression, string Text);

/// <summary>Splits a template string into text and expressions. Quotes inside an expression may hold braces.</summary>
internal static class TemplateScanner
{
    public static bool HasBraces(string template) =>
        template.Contains("{{", StringComparison.Ordinal) || template.Contains("}}", StringComparison.Ordinal);

    public static List<TemplatePart> Scan(string template)
    {
        var parts = new List<TemplatePart>();
        var pos = 0;
        while (pos < template.Length)
        {
            var open = template.IndexOf("{{", pos, StringComparison.Ordinal);
            var stray = template.IndexOf("}}", pos, StringComparison.Ordinal);
            if (stray >= 0 && (open < 0 || stray < open))
            {
                throw Unbalanced(template, "has a '}}' without a matching '{{'");
            }

            if (open < 0)
            {
                parts.Add(new TemplatePart(false, template[pos..]));
                break;
            }

            if (open > pos)
            {
                parts.Add(new TemplatePart(false, template[pos..open]));
            }

            var close = FindClose(template, open + 2);
            parts.Add(new TemplatePart(true, template[(open + 2)..close].Trim()));
            pos = close + 2;
        }

        return parts;
    }

    private static int FindClose(string template, int from)
    {
        for (var i = from; i < template.Length - 1; i++)
        {
            if (Lexer.IsQuote(template[i]))
            {
                var after = Lexer.SkipQuoted(template, i);
                if (after < 0)
                {
                    throw Unbalanced(template, "has a quote inside '{{ }}' without its closing quote");
                }

                i = after - 1;
            }
            else if (template[i] == '{' && template[i + 1] == '{')
            {
                throw Unbalanced(template, "opens a '{{' inside another '{{ }}'");
            }
            else if (template[i] == '}' && template[i + 1] == '}')
            {
                return i;
            }
        }

        throw Unbalanced(template, "has a '{{' without a closing '}}'");
    }

    private static ExpressionException Unbalanced(string template, string problem) =>
        new(template, $"The template '{template}' {problem}.");
}
