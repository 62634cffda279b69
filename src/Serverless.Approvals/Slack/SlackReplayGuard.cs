using System.Text.Json.Nodes;
using Serverless.Storage.Documents;
using Serverless.Storage.Errors;

namespace Serverless.Approvals.Slack;

/// <summary>Refuses a signed Slack request seen before. Slack sends no request id for interactions, so the signature
/// (unique per timestamp and body) is the id; it is kept in the document store so every host shares it.</summary>
public sealed class SlackReplayGuard(IDocumentStore store, TimeProvider time)
{
    public const string Collection = "approval-slack-requests";
    private const string Partition = "slack";

    /// <summary>True the first time a signature is seen.</summary>
    public async Task<bool> FirstSeenAsync(string signature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var id = signature.Trim().ToLowerInvariant();
        try
        {
            await store.CreateAsync(Collection, new Document(id, Partition, new JsonObject { ["seenAt"] = time.GetUtcNow().ToString("O") }), cancellationToken);
            return true;
        }
        catch (ItemAlreadyExistsException)
        {
            return false;
        }
    }
}
