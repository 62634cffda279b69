using System.Text.Json.Nodes;

namespace Serverless.Engine.Expressions;

/// <summary>A parsed <c>{{ primary | filter: arg, arg | ... }}</c>; <see cref="Text"/> is the trimmed source.</summary>
internal sealed record ParsedExpression(string Text, Operand Primary, IReadOnlyList<FilterCall> Filters)
{
    public IEnumerable<PathOperand> Paths =>
        Filters.SelectMany(f => f.Args).Prepend(Primary).OfType<PathOperand>();
}

internal sealed record FilterCall(string Name, IReadOnlyList<Operand> Args);

internal abstract record Operand;

internal sealed record PathOperand(IReadOnlyList<string> Segments) : Operand;

/// <summary>A string, number, true, false or null written in the expression.</summary>
internal sealed record LiteralOperand(JsonNode? Value) : Operand;

internal sealed record NowOperand : Operand;

internal sealed record RelativeDateOperand(RelativeDate Shift) : Operand;
