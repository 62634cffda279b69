namespace Serverless.Engine.Expressions;

/// <summary>An expression or template that cannot be read or evaluated. The message names the expression;
/// the interpreter adds the step id.</summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException(string expression, string message, Exception? innerException = null)
        : base(message, innerException) => Expression = expression;

    /// <summary>The text between the braces (or the whole template for brace problems).</summary>
    public string Expression { get; }

    internal static ExpressionException In(string expression, string problem, Exception? innerException = null) =>
        new(expression, $"The expression '{(expression.Length == 0 ? "{{ }}" : $"{{{{ {expression} }}}}")}' {problem}", innerException);
}
