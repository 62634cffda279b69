namespace Serverless.Classifier.Cli;

/// <summary>An expected failure (missing file, bad data) reported as one line, without a stack trace.</summary>
internal sealed class CliFailure(string message) : Exception(message);
