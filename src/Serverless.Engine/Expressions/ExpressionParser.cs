using System.Globalization;
using System.Text.Json.Nodes;

namespace Serverless.Engine.Expressions;

/// <summary>Reads <c>primary ( '|' filter ( ':' arg ( ',' arg )* | '(' args ')' )? )*</c>. Every syntax problem,
/// including an unknown filter or a bad literal filter argument, is an <see cref="ExpressionException"/>.</summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private int _pos;

    private ExpressionParser(string text) => _text = text;

    public static ParsedExpression Parse(string expression)
    {
        var parser = new ExpressionParser(expression.Trim());
        return parser.ParseExpression();
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private ParsedExpression ParseExpression()
    {
        if (_text.Length == 0)
        {
            throw Error("is empty; write a path such as organisation.nom between the braces");
        }

        var primary = ParseOperand();
        var filters = new List<FilterCall>();
        SkipSpaces();
        while (!AtEnd)
        {
            if (Current != '|')
            {
                throw Error($"has unexpected text '{_text[_pos..]}'; separate filters with '|'");
            }

            _pos++;
            SkipSpaces();
            var name = Lexer.ReadName(_text, ref _pos, allowLeadingDigit: false)
                ?? throw Error("has a '|' that is not followed by a filter name");
            var call = new FilterCall(name, ParseArguments(name));
            FilterCatalog.Check(_text, call);
            filters.Add(call);
            SkipSpaces();
        }

        return new ParsedExpression(_text, primary, filters);
    }

    private List<Operand> ParseArguments(string filter)
    {
        var args = new List<Operand>();
        SkipSpaces();
        if (AtEnd || Current is not (':' or '('))
        {
            return args;
        }

        var parenthesised = Current == '(';
        _pos++;
        SkipSpaces();
        if (parenthesised && !AtEnd && Current == ')')
        {
            _pos++;
            return args;
        }

        args.Add(ParseOperand());
        SkipSpaces();
        while (!AtEnd && Current == ',')
        {
            _pos++;
            args.Add(ParseOperand());
            SkipSpaces();
        }

        if (parenthesised)
        {
            if (AtEnd || Current != ')')
            {
                throw Error($"has a '(' after the filter '{filter}' without its closing ')'");
            }

            _pos++;
        }

        return args;
    }

    private Operand ParseOperand()
    {
        SkipSpaces();
        if (AtEnd)
        {
            throw Error("ends where a value was expected");
        }

        var c = Current;
        if (Lexer.IsQuote(c))
        {
            var text = Lexer.ReadQuoted(_text, ref _pos) ?? throw Error("has a string without its closing quote");
            return new LiteralOperand(JsonValue.Create(text));
        }

        if (char.IsAsciiDigit(c) || (c is '+' or '-' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
        {
            return ParseNumberOrRelativeDate();
        }

        if (Lexer.IsNameStart(c))
        {
            return ParsePathOrKeyword();
        }

        throw Error($"has '{c}' where a value was expected (a path, 'text', a number, true, false, null, now or '+7 days')");
    }

    private Operand ParsePathOrKeyword()
    {
        var start = _pos;
        var segments = new List<string>();
        var problem = JsonPath.Read(_text, ref _pos, segments);
        if (problem is not null)
        {
            throw Error($"has a path that {problem}");
        }

        return _text[start.._pos] switch
        {
            "true" => new LiteralOperand(JsonValue.Create(true)),
            "false" => new LiteralOperand(JsonValue.Create(false)),
            "null" => new LiteralOperand(null),
            "now" => new NowOperand(),
            _ => new PathOperand(segments),
        };
    }

    private Operand ParseNumberOrRelativeDate()
    {
        var start = _pos;
        _pos++;
        while (!AtEnd && (char.IsAsciiDigit(Current) || Current is '.' or 'e' or 'E'
            || (Current is '+' or '-' && _text[_pos - 1] is 'e' or 'E')))
        {
            _pos++;
        }

        var number = _text[start.._pos];
        var afterNumber = _pos;
        SkipSpaces();
        if (!AtEnd && char.IsLetter(Current))
        {
            var word = Lexer.ReadName(_text, ref _pos, allowLeadingDigit: false)!;
            if (!int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
                || !RelativeDate.TryParseUnit(word, out var unit))
            {
                throw Error($"has a bad relative date '{number} {word}'; {RelativeDate.Help}");
            }

            return new RelativeDateOperand(new RelativeDate(amount, unit));
        }

        _pos = afterNumber;
        return new LiteralOperand(ParseNumber(number));
    }

    private JsonNode ParseNumber(string text)
    {
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        if (decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var exact))
        {
            return JsonValue.Create(exact);
        }

        return double.TryParse(text, style, CultureInfo.InvariantCulture, out var approx) && double.IsFinite(approx)
            ? JsonValue.Create(approx)
            : throw Error($"has '{text}', which is not a number");
    }

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _pos++;
        }
    }

    private ExpressionException Error(string problem) => ExpressionException.In(_text, problem);
}
