namespace Serverless.Engine.Interpreter;

/// <summary>An error as recorded on a step or an instance. <see cref="Kind"/> is one of
/// <see cref="Definitions.ErrorKinds"/>; <see cref="RetryAfter"/> carries a server's Retry-After hint.</summary>
public sealed record ErrorInfo(string Kind, string Message, string? StepId = null, TimeSpan? RetryAfter = null);
