namespace Serverless.Engine.Loading;

/// <summary>Step ids appear inside dotted template paths (steps.&lt;id&gt;.output), so they hold no dots or spaces.</summary>
internal static class Identifiers
{
    public const string StepIdRule = "letters, digits, '_' and '-', starting with a letter or '_'";
    public const string WorkflowIdRule = "letters, digits, '_', '-' and '.', starting with a letter or digit";

    public static bool IsStepId(string id) =>
        id.Length > 0 && (char.IsAsciiLetter(id[0]) || id[0] == '_') && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    public static bool IsWorkflowId(string id) =>
        id.Length > 0 && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
