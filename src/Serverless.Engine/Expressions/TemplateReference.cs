namespace Serverless.Engine.Expressions;

/// <summary>A path used by a template expression, e.g. Expression "steps.classify.output.type | upper"
/// with Path ["steps","classify","output","type"].</summary>
public sealed record TemplateReference(string Expression, IReadOnlyList<string> Path);
