namespace Serverless.Storage.Errors;

/// <summary>A create found an item with the same id (document) or name (blob). HTTP: 409 Conflict.</summary>
public sealed class ItemAlreadyExistsException(string container, string name)
    : StorageException($"'{name}' already exists in '{container}'.")
{
    public string Container { get; } = container;
    public string Name { get; } = name;
}
