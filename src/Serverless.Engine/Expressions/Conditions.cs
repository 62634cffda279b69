namespace Serverless.Engine.Expressions;

/// <summary>Evaluates condition trees: and (all), or (any), not, and comparisons.</summary>
public static class Conditions
{
    /// <summary>An empty "and" holds, an empty "or" does not. Throws <see cref="ExpressionException"/> for an unknown
    /// operator or a malformed path or value template.</summary>
    public static bool Evaluate(Condition condition, IExpressionScope scope, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(scope);
        return condition switch
        {
            AllCondition all => all.Conditions.All(c => Evaluate(c, scope, now)),
            AnyCondition any => any.Conditions.Any(c => Evaluate(c, scope, now)),
            NotCondition not => !Evaluate(not.Condition, scope, now),
            Comparison comparison => ComparisonEvaluator.Evaluate(comparison, scope, now),
            _ => throw new ExpressionException(condition.ToString(), $"The condition kind {condition.GetType().Name} is unknown."),
        };
    }
}
