using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Serverless.Functions.Tests.Infra;

/// <summary>A parsed ARM template expression (the text between "[" and "]" of a template string): calls, string and
/// number literals, property access and indexers. <see cref="Text"/> is the node's own source text.</summary>
public abstract record ArmExpression(string Text)
{
    /// <summary>Whether a template string is an expression ("[...]", but not the "[[" escape of a literal).</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && !value.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>Parses a template string that <see cref="IsExpression"/>, or a bare expression.</summary>
    public static ArmExpression Parse(string value)
    {
        var text = IsExpression(value) ? value[1..^1] : value;
        var parser = new Parser(text);
        var node = parser.ParseExpression();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw new FormatException($"Unexpected '{text[parser.Position..]}' in ARM expression '{text}'.");
        }

        return node;
    }

    public override string ToString() => Text;

    private sealed class Parser(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        public ArmExpression ParseExpression()
        {
            SkipSpace();
            var start = Position;
            var node = ParsePrimary();
            while (true)
            {
                SkipSpace();
                if (!AtEnd && text[Position] == '.')
                {
                    Position++;
                    var name = ParseIdentifier();
                    node = new ArmMember(node, name, text[start..Position]);
                }
                else if (!AtEnd && text[Position] == '[')
                {
                    Position++;
                    var index = ParseExpression();
                    Expect(']');
                    node = new ArmIndex(node, index, text[start..Position]);
                }
                else
                {
                    return node;
                }
            }
        }

        private ArmExpression ParsePrimary()
        {
            SkipSpace();
            if (AtEnd)
            {
                throw new FormatException($"ARM expression '{text}' ends early.");
            }

            var start = Position;
            var c = text[Position];
            if (c == '\'')
            {
                Position++;
                var value = new StringBuilder();
                while (true)
                {
                    if (AtEnd)
                    {
                        throw new FormatException($"Unterminated string in ARM expression '{text}'.");
                    }

                    if (text[Position] == '\'')
                    {
                        if (Position + 1 < text.Length && text[Position + 1] == '\'')
                        {
                            value.Append('\'');
                            Position += 2;
                            continue;
                        }

                        Position++;
                        return new ArmString(value.ToString(), text[start..Position]);
                    }

                    value.Append(text[Position++]);
                }
            }

            if (char.IsDigit(c) || c == '-')
            {
                Position++;
                while (!AtEnd && (char.IsDigit(text[Position]) || text[Position] == '.'))
                {
                    Position++;
                }

                return new ArmNumber(text[start..Position]);
            }

            var name = ParseIdentifier();
            SkipSpace();
            Expect('(');
            var arguments = new List<ArmExpression>();
            SkipSpace();
            if (!AtEnd && text[Position] == ')')
            {
                Position++;
                return new ArmCall(name, arguments, text[start..Position]);
            }

            while (true)
            {
                arguments.Add(ParseExpression());
                SkipSpace();
                if (!AtEnd && text[Position] == ',')
                {
                    Position++;
                    continue;
                }

                Expect(')');
                return new ArmCall(name, arguments, text[start..Position]);
            }
        }

        private string ParseIdentifier()
        {
            SkipSpace();
            var start = Position;
            while (!AtEnd && (char.IsLetterOrDigit(text[Position]) || text[Position] is '_' or '$' or '#'))
            {
                Position++;
            }

            if (start == Position)
            {
                throw new FormatException($"Identifier expected at {start} in ARM expression '{text}'.");
            }

            return text[start..Position];
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (AtEnd || text[Position] != c)
            {
                throw new FormatException($"'{c}' expected at {Position} in ARM expression '{text}'.");
            }

            Position++;
        }
    }
}

public sealed record ArmString(string Value, string Text) : ArmExpression(Text);

public sealed record ArmNumber(string Text) : ArmExpression(Text);

public sealed record ArmCall(string Name, IReadOnlyList<ArmExpression> Arguments, string Text) : ArmExpression(Text)
{
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The literal argument of parameters('x') / variables('x').</summary>
    public string? ReferenceName(string function) =>
        Is(function) && Arguments is [ArmString name] ? name.Value : null;
}

public sealed record ArmMember(ArmExpression Target, string Name, string Text) : ArmExpression(Text);

public sealed record ArmIndex(ArmExpression Target, ArmExpression Index, string Text) : ArmExpression(Text);

/// <summary>One template of a compiled deployment (the main template or a module's nested template) together with the
/// parameter values its deployment resource passes and the scope those values are written in.</summary>
public sealed class ArmScope(JsonElement template, string name, IReadOnlyDictionary<string, JsonElement>? parameterValues = null, ArmScope? parent = null)
{
    public JsonElement Template { get; } = template;

    /// <summary>"main" or the module's deployment name.</summary>
    public string Name { get; } = name;

    public ArmScope? Parent { get; } = parent;

    public IReadOnlyDictionary<string, JsonElement> ParameterValues { get; } = parameterValues ?? new Dictionary<string, JsonElement>();

    public IEnumerable<JsonElement> Resources =>
        Template.TryGetProperty("resources", out var resources)
            ? resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray() : resources.EnumerateObject().Select(p => p.Value)
            : [];

    public JsonElement Parameters => Template.TryGetProperty("parameters", out var p) ? p : default;

    public JsonElement Outputs => Template.TryGetProperty("outputs", out var o) ? o : default;

    public JsonElement Variable(string variable) => Template.GetProperty("variables").GetProperty(variable);

    /// <summary>The nested template of the module deployment named <paramref name="module"/> (a literal name).</summary>
    public ArmScope Module(string module)
    {
        var deployment = Resources.Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments"
            && r.GetProperty("name").GetString() == module);
        var values = deployment.GetProperty("properties").GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("value"), StringComparer.Ordinal);
        return new ArmScope(deployment.GetProperty("properties").GetProperty("template"), module, values, this);
    }

    /// <summary>Every module deployment of this template.</summary>
    public IEnumerable<ArmScope> Modules =>
        Resources.Where(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments")
            .Select(r => Module(r.GetProperty("name").GetString()!));

    /// <summary>The value passed for module parameter <paramref name="parameter"/>, as written in the parent (a literal,
    /// or "[expression]" in the parent's terms).</summary>
    public string PassedValue(string parameter) =>
        ParameterValues.TryGetValue(parameter, out var value) ? Raw(value) : throw new KeyNotFoundException($"{Name} gets no parameter {parameter}.");

    /// <summary>A template value as its raw template text: a string as written, anything else as JSON.</summary>
    public static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>Evaluates what can be known before deployment: string literals, variables, parameters passed as
    /// such, format() and concat() of those. Null when the value depends on the deployment (reference(), ...).</summary>
    public string? Constant(ArmExpression node)
    {
        switch (node)
        {
            case ArmString s:
                return s.Value;
            case ArmCall call when call.ReferenceName("variables") is { } variable:
                return ConstantOf(Variable(variable), this);
            case ArmCall call when call.ReferenceName("parameters") is { } parameter:
                if (ParameterValues.TryGetValue(parameter, out var passed))
                {
                    return ConstantOf(passed, Parent!);
                }

                return Parameters.ValueKind == JsonValueKind.Object && Parameters.GetProperty(parameter).TryGetProperty("defaultValue", out var def)
                    ? ConstantOf(def, this)
                    : null;
            case ArmCall call when call.Is("format") && call.Arguments.Count >= 1:
                var parts = call.Arguments.Select(Constant).ToList();
                return parts.Any(p => p is null) ? null : string.Format(CultureInfo.InvariantCulture, parts[0]!, [.. parts.Skip(1)]);
            case ArmCall call when call.Is("concat"):
                var pieces = call.Arguments.Select(Constant).ToList();
                return pieces.Any(p => p is null) ? null : string.Concat(pieces);
            default:
                return null;
        }
    }

    /// <summary>The constant strings of an array-valued variable or parameter, or of one element of it; the element
    /// at copyIndex() stands for every element (one resource per element).</summary>
    public IReadOnlyList<string?> Constants(ArmExpression node)
    {
        if (node is ArmIndex { Index: ArmCall copy } index && copy.Is("copyIndex"))
        {
            return ArrayOf(index.Target);
        }

        return [Constant(node)];
    }

    private List<string?> ArrayOf(ArmExpression node)
    {
        (JsonElement Value, ArmScope Scope)? source = node switch
        {
            ArmCall call when call.ReferenceName("variables") is { } v => (Variable(v), this),
            ArmCall call when call.ReferenceName("parameters") is { } p && ParameterValues.TryGetValue(p, out var passed) => (passed, Parent!),
            _ => null,
        };
        if (source is not { } found)
        {
            return [null];
        }

        if (found.Value.ValueKind == JsonValueKind.Array)
        {
            return [.. found.Value.EnumerateArray().Select(e => ConstantOf(e, found.Scope))];
        }

        return found.Value.ValueKind == JsonValueKind.String && IsExpression(found.Value.GetString()!)
            ? found.Scope.ArrayOf(ArmExpression.Parse(found.Value.GetString()!))
            : [null];
    }

    private static bool IsExpression(string value) => ArmExpression.IsExpression(value);

    private static string? ConstantOf(JsonElement value, ArmScope scope)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString()!;
        if (!IsExpression(text))
        {
            return text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text;
        }

        return scope.Constant(ArmExpression.Parse(text));
    }
}
