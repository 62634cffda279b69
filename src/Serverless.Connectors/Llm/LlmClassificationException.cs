namespace Serverless.Connectors.Llm;

public sealed class LlmClassificationException(string message, Exception? inner = null) : Exception(message, inner);
