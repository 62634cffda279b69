namespace Serverless.Intake.RequestHandler;

/// <summary>The two request types and the form each source field value stands for.</summary>
public static class RequestTypes
{
    public const string Support = "SUPPORT";
    public const string Modelisation = "MODELISATION";

    public const string ContactSource = "contact";
    public const string ModelisationSource = "modelisation";

    public static readonly IReadOnlyList<string> All = [Support, Modelisation];
    public static readonly IReadOnlyList<string> Sources = [ContactSource, ModelisationSource];

    public static string FromSource(string source) =>
        string.Equals(source, ModelisationSource, StringComparison.OrdinalIgnoreCase) ? Modelisation : Support;
}
