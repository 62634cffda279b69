namespace Serverless.Storage.Errors;

/// <summary>The document or blob the operation needs does not exist. HTTP: 404 Not Found.</summary>
public sealed class ItemNotFoundException(string container, string name)
    : StorageException($"'{name}' does not exist in '{container}'.")
{
    public string Container { get; } = container;
    public string Name { get; } = name;
}
