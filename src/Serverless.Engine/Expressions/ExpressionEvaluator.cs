using System.Text.Json.Nodes;

namespace Serverless.Engine.Expressions;

/// <summary>Evaluates a parsed expression. The result may be a node owned by the scope: callers clone it.</summary>
internal static class ExpressionEvaluator
{
    public static JsonNode? Evaluate(ParsedExpression expression, IExpressionScope scope, DateTimeOffset now)
    {
        JsonNode? Operand(Operand operand) => Resolve(expression.Text, operand, scope, now);

        var value = Operand(expression.Primary);
        foreach (var filter in expression.Filters)
        {
            value = Filters.Apply(expression.Text, filter, value, Operand);
        }

        return value;
    }

    private static JsonNode? Resolve(string expression, Operand operand, IExpressionScope scope, DateTimeOffset now) => operand switch
    {
        PathOperand path => scope.TryResolve(path.Segments, out var value) ? value : null,
        LiteralOperand literal => literal.Value?.DeepClone(),
        NowOperand => JsonValue.Create(IsoDates.FormatUtc(now)),
        RelativeDateOperand relative => relative.Shift.TryApply(now, out var date)
            ? JsonValue.Create(IsoDates.FormatUtc(date))
            : throw ExpressionException.In(expression, "shifts the date outside the calendar"),
        _ => throw ExpressionException.In(expression, $"holds an operand of unknown kind {operand.GetType().Name}"),
    };
}
