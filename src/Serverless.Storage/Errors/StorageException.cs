namespace Serverless.Storage.Errors;

/// <summary>Base type of every error a storage adapter raises on purpose, whatever the backend.</summary>
public class StorageException : Exception
{
    public StorageException(string message) : base(message) { }

    public StorageException(string message, Exception? innerException) : base(message, innerException) { }
}
