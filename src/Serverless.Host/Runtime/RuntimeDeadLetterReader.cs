using Serverless.Api.DeadLetters;
using Serverless.Runtime.DeadLetters;

namespace Serverless.Host.Runtime;

/// <summary>Serves GET /api/deadletters from the embedded runtime's dead-letter store: failed instances and channel
/// messages nobody consumed, newest first, filtered and paged by the store.</summary>
internal sealed class RuntimeDeadLetterReader(IDeadLetterStore store) : IDeadLetterReader
{
    public async Task<DeadLetterPage> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        var page = await store.PageAsync(query.WorkflowId, query.Limit, query.ContinuationToken, cancellationToken);
        var items = page.Items.Select(e => e.IsInstance
                ? new DeadLetter(DeadLetterKinds.Instance, e.Id, e.WorkflowId, e.FailedStep, e.ErrorKind, e.Reason ?? "The instance failed.", e.At)
                : new DeadLetter(DeadLetterKinds.Message, e.Id, null, null, null, $"No workflow consumed the message on channel '{e.Channel}'.", e.At, e.Channel))
            .ToList();
        return new DeadLetterPage(items, page.ContinuationToken);
    }
}
