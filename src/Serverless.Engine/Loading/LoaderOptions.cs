namespace Serverless.Engine.Loading;

public sealed record LoaderOptions
{
    /// <summary>Activity names the host can run; an activity step naming another one is a problem.
    /// Null means activity names are not checked.</summary>
    public IReadOnlySet<string>? KnownActivities { get; init; }
}
