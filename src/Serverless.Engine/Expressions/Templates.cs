using System.Text;
using System.Text.Json.Nodes;

namespace Serverless.Engine.Expressions;

/// <summary><c>{{ path | filter }}</c> templates inside any JSON value.</summary>
public static class Templates
{
    /// <summary>Renders every string inside <paramref name="template"/> (property names are left alone) into a new tree;
    /// the input is never changed. See <see cref="Render(string, IExpressionScope, DateTimeOffset)"/> for one string.</summary>
    public static JsonNode? Render(JsonNode? template, IExpressionScope scope, DateTimeOffset now) => template switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Render(p.Value, scope, now)))),
        JsonArray array => new JsonArray(array.Select(item => Render(item, scope, now)).ToArray()),
        _ when JsonText.TryGetString(template, out var text) => Render(text, scope, now),
        _ => template.DeepClone(),
    };

    /// <summary>A string that is exactly one expression (whitespace around allowed) yields the value with its JSON
    /// type, null when missing; mixed text yields a string. Throws <see cref="ExpressionException"/> naming the expression.</summary>
    public static JsonNode? Render(string template, IExpressionScope scope, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(scope);
        if (!TemplateScanner.HasBraces(template))
        {
            return JsonValue.Create(template);
        }

        var parts = TemplateScanner.Scan(template);
        var expressions = parts.Where(p => p.IsExpression).ToList();
        if (expressions.Count == 1 && parts.All(p => p.IsExpression || string.IsNullOrWhiteSpace(p.Text)))
        {
            return Evaluate(expressions[0].Text, scope, now)?.DeepClone();
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.IsExpression ? JsonText.ToText(Evaluate(part.Text, scope, now)) : part.Text);
        }

        return JsonValue.Create(text.ToString());
    }

    /// <summary>Every path the template's expressions read (filter arguments included), in order of appearance.
    /// Expressions with syntax errors are skipped: <see cref="Validate"/> reports them.</summary>
    public static IReadOnlyList<TemplateReference> FindReferences(JsonNode? template)
    {
        var references = new List<TemplateReference>();
        TemplateWalker.VisitStrings(template, (_, text) =>
        {
            foreach (var expression in ParseAll(text, problems: null))
            {
                references.AddRange(expression.Paths.Select(p => new TemplateReference(expression.Text, p.Segments)));
            }
        });
        return references;
    }

    /// <summary>Syntax problems as plain sentences (unbalanced braces, unknown filter, bad filter argument, bad relative
    /// date), each prefixed with its place inside the template when nested (e.g. "body.to[0]: ..."); empty when fine.</summary>
    public static IReadOnlyList<string> Validate(JsonNode? template)
    {
        var problems = new List<string>();
        TemplateWalker.VisitStrings(template, (location, text) =>
        {
            var found = new List<string>();
            _ = ParseAll(text, found);
            problems.AddRange(found.Select(p => location.Length == 0 ? p : $"{location}: {p}"));
        });
        return problems;
    }

    private static JsonNode? Evaluate(string expression, IExpressionScope scope, DateTimeOffset now) =>
        ExpressionEvaluator.Evaluate(ExpressionParser.Parse(expression), scope, now);

    private static List<ParsedExpression> ParseAll(string text, List<string>? problems)
    {
        var parsed = new List<ParsedExpression>();
        if (!TemplateScanner.HasBraces(text))
        {
            return parsed;
        }

        try
        {
            foreach (var part in TemplateScanner.Scan(text).Where(p => p.IsExpression))
            {
                try
                {
                    parsed.Add(ExpressionParser.Parse(part.Text));
                }
                catch (ExpressionException ex)
                {
                    problems?.Add(ex.Message);
                }
            }
        }
        catch (ExpressionException ex)
        {
            problems?.Add(ex.Message);
        }

        return parsed;
    }
}
