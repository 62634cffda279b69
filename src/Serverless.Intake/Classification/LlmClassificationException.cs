namespace Serverless.Intake.Classification;

public sealed class LlmClassificationException(string message, Exception? inner = null) : Exception(message, inner);
