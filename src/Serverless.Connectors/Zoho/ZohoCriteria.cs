using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Serverless.Connectors.Zoho;

/// <summary>
/// Zoho CRM search criteria, parsed and matched against a record's fields (the sandbox CRM and the fake server
/// search with it). A condition is <c>(Field:operator:value)</c>; conditions and parenthesised groups combine with
/// <c>and</c> / <c>or</c> (any case; <c>and</c> binds tighter), e.g. <c>((Stage:equals:Won)or(Amount:greater_than:5000))and(Email:starts_with:anna)</c>.
/// Operators: equals, not_equal, in, starts_with (each may list values separated by commas: any matches),
/// greater_than, greater_equal, less_than, less_equal (one value), between (two values, inclusive).
/// In a value, <c>\(</c>, <c>\)</c>, <c>\,</c> and <c>\\</c> stand for the character itself; values are trimmed.
/// Matching: text compares without regard to case (equals, starts_with); the order operators compare as numbers when
/// both sides are numbers, as instants when both are ISO dates, else as ordinal strings. A lookup ({"name","id"})
/// compares by its name (Account_Name.id reaches its id); a multi-select list matches when one of its items does;
/// a missing or null field matches nothing except not_equal.
/// </summary>
internal abstract class ZohoCriteria
{
    private static readonly string[] Operators =
        ["equals", "not_equal", "in", "starts_with", "greater_than", "greater_equal", "less_than", "less_equal", "between"];

    /// <summary>Throws <see cref="FormatException"/> naming the position of the first problem.</summary>
    public static ZohoCriteria Parse(string criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return new Parser(criteria).ParseAll();
    }

    public abstract bool Matches(JsonObject fields);

    private sealed class AllOf(IReadOnlyList<ZohoCriteria> parts) : ZohoCriteria
    {
        public override bool Matches(JsonObject fields) => parts.All(p => p.Matches(fields));
    }

    private sealed class AnyOf(IReadOnlyList<ZohoCriteria> parts) : ZohoCriteria
    {
        public override bool Matches(JsonObject fields) => parts.Any(p => p.Matches(fields));
    }

    private sealed class Condition(string field, string op, IReadOnlyList<string> values) : ZohoCriteria
    {
        public override bool Matches(JsonObject fields)
        {
            var texts = Texts(Field(fields, field));
            return op switch
            {
                "equals" or "in" => texts.Any(t => values.Any(v => Same(t, v))),
                "not_equal" => !texts.Any(t => values.Any(v => Same(t, v))),
                "starts_with" => texts.Any(t => values.Any(v => t.StartsWith(v, StringComparison.OrdinalIgnoreCase))),
                "greater_than" => texts.Any(t => Compare(t, values[0]) > 0),
                "greater_equal" => texts.Any(t => Compare(t, values[0]) >= 0),
                "less_than" => texts.Any(t => Compare(t, values[0]) < 0),
                "less_equal" => texts.Any(t => Compare(t, values[0]) <= 0),
                "between" => texts.Any(t => Compare(t, values[0]) >= 0 && Compare(t, values[1]) <= 0),
                _ => false,
            };
        }

        private static JsonNode? Field(JsonObject fields, string name)
        {
            if (fields.TryGetPropertyValue(name, out var value) || !name.Contains('.', StringComparison.Ordinal))
            {
                return value;
            }

            JsonNode? node = fields;
            foreach (var part in name.Split('.'))
            {
                node = (node as JsonObject)?[part];
            }

            return node;
        }

        private static List<string> Texts(JsonNode? value) => value switch
        {
            JsonArray items => [.. items.Select(One).OfType<string>()],
            _ => One(value) is { } text ? [text] : [],
        };

        private static string? One(JsonNode? value) => value switch
        {
            JsonValue v => ZohoDeskPayloads.Text(v),
            JsonObject lookup => ZohoDeskPayloads.Text(lookup["name"]),
            _ => null,
        };

        private static bool Same(string a, string b) =>
            Number(a) is { } x && Number(b) is { } y ? x == y : string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private static int Compare(string a, string b)
        {
            if (Number(a) is { } x && Number(b) is { } y)
            {
                return x.CompareTo(y);
            }

            if (Instant(a) is { } p && Instant(b) is { } q)
            {
                return p.CompareTo(q);
            }

            return string.CompareOrdinal(a, b);
        }

        private static double? Number(string s) =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

        /// <summary>Only ISO dates (yyyy-MM-dd...), so that other text never reads as a date.</summary>
        private static DateTimeOffset? Instant(string s) =>
            s.Length >= 10 && char.IsAsciiDigit(s[0]) && s[4] == '-' && s[7] == '-'
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public ZohoCriteria ParseAll()
        {
            var criteria = ParseOr();
            SkipSpaces();
            if (_pos < text.Length)
            {
                throw Fail($"expected 'and', 'or' or the end, found '{text[_pos]}'");
            }

            return criteria;
        }

        private ZohoCriteria ParseOr()
        {
            var parts = new List<ZohoCriteria> { ParseAnd() };
            while (TryKeyword("or"))
            {
                parts.Add(ParseAnd());
            }

            return parts.Count == 1 ? parts[0] : new AnyOf(parts);
        }

        private ZohoCriteria ParseAnd()
        {
            var parts = new List<ZohoCriteria> { ParseGroup() };
            while (TryKeyword("and"))
            {
                parts.Add(ParseGroup());
            }

            return parts.Count == 1 ? parts[0] : new AllOf(parts);
        }

        /// <summary>"(" then either a nested expression and ")", or a condition (which reads its own ")").</summary>
        private ZohoCriteria ParseGroup()
        {
            SkipSpaces();
            Expect('(');
            SkipSpaces();
            if (_pos < text.Length && text[_pos] == '(')
            {
                var inner = ParseOr();
                SkipSpaces();
                Expect(')');
                return inner;
            }

            return ParseCondition();
        }

        private Condition ParseCondition()
        {
            var field = ReadName("field");
            Expect(':');
            var op = ReadName("operator").ToLowerInvariant();
            if (!Operators.Contains(op))
            {
                throw Fail($"unknown operator '{op}' (known: {string.Join(", ", Operators)})", _pos - op.Length);
            }

            Expect(':');
            var start = _pos;
            var values = ReadValues();
            Expect(')');
            var expected = op switch
            {
                "between" => 2,
                "greater_than" or "greater_equal" or "less_than" or "less_equal" => 1,
                _ => 0,
            };
            if (values.Count == 0 || values.Any(v => v.Length == 0) || (expected > 0 && values.Count != expected))
            {
                throw Fail(expected switch
                {
                    2 => $"'{op}' takes two values separated by a comma",
                    1 => $"'{op}' takes one value (escape a comma in it as \\,)",
                    _ => $"'{op}' needs a value",
                }, start);
            }

            return new Condition(field, op, values);
        }

        private string ReadName(string what)
        {
            SkipSpaces();
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] is '_' or '.' or '$'))
            {
                _pos++;
            }

            if (_pos == start)
            {
                throw Fail($"expected a {what} name");
            }

            var name = text[start.._pos];
            SkipSpaces();
            return name;
        }

        /// <summary>Up to the unescaped ")": values split at unescaped commas, escapes resolved, trimmed.</summary>
        private List<string> ReadValues()
        {
            var values = new List<string>();
            var current = new StringBuilder();
            while (_pos < text.Length && text[_pos] != ')')
            {
                var c = text[_pos++];
                if (c == '\\' && _pos < text.Length)
                {
                    current.Append(text[_pos++]);
                }
                else if (c == ',')
                {
                    values.Add(current.ToString().Trim());
                    current.Clear();
                }
                else if (c == '(')
                {
                    throw Fail("a '(' in a value must be escaped as \\(", _pos - 1);
                }
                else
                {
                    current.Append(c);
                }
            }

            values.Add(current.ToString().Trim());
            return values;
        }

        private bool TryKeyword(string word)
        {
            SkipSpaces();
            var end = _pos + word.Length;
            if (end < text.Length && string.Compare(text, _pos, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (text[end] == '(' || char.IsWhiteSpace(text[end])))
            {
                _pos = end;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (_pos >= text.Length || text[_pos] != c)
            {
                throw Fail(_pos >= text.Length ? $"expected '{c}', found the end" : $"expected '{c}', found '{text[_pos]}'");
            }

            _pos++;
        }

        private void SkipSpaces()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private FormatException Fail(string problem, int? at = null) =>
            new($"Invalid Zoho criteria at position {(at ?? _pos) + 1}: {problem}. Criteria: {text}");
    }
}
