using System.Text.Json.Nodes;

namespace Serverless.Storage.Documents;

/// <summary>
/// A JSON document. The store writes <see cref="Id"/> and <see cref="PartitionKey"/> into the body as "id" and "pk",
/// so filters can use them; backend system properties (_etag, _ts, _rid...) never appear in <see cref="Body"/>.
/// </summary>
public sealed record Document(string Id, string PartitionKey, JsonObject Body, string? ETag = null)
{
    public const string IdProperty = "id";
    public const string PartitionKeyProperty = "pk";
}
