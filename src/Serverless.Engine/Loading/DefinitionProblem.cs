namespace Serverless.Engine.Loading;

/// <summary>One mistake in a workflow definition: which document, where in it (a JSON path such as
/// <c>$.steps[2].retry.maxAttempts</c>) and a plain sentence saying what is wrong.</summary>
public sealed record DefinitionProblem(string Source, string Path, string Message)
{
    public override string ToString() => $"{Source}: {Path}: {Message}";
}
