namespace Serverless.Classification.Model;

/// <summary>A saved model that cannot be loaded: wrong format, unsupported version or inconsistent content.</summary>
public sealed class ModelFormatException : Exception
{
    public ModelFormatException()
    {
    }

    public ModelFormatException(string message)
        : base(message)
    {
    }

    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
