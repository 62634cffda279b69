namespace Serverless.Classification.Data;

/// <summary>A labelled data file that cannot be read; the message starts with "source:line:".</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException()
    {
    }

    public DatasetFormatException(string message)
        : base(message)
    {
    }

    public DatasetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatasetFormatException(string source, int line, string problem)
        : base($"{source}:{line}: {problem}")
    {
        SourceName = source;
        Line = line;
    }

    public string? SourceName { get; }

    public int Line { get; }
}
