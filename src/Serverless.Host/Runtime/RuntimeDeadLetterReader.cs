using Serverless.Api.DeadLetters;
using Serverless.Runtime.DeadLetters;

namespace Serverless.Host.Runtime;

/// <summary>Serves GET /api/deadletters from the embedded runtime's dead-letter store: failed instances first,
/// then channel messages nobody consumed. The store has no paging, so a continuation token is refused.</summary>
internal sealed class RuntimeDeadLetterReader(IDeadLetterStore store) : IDeadLetterReader
{
    public async Task<DeadLetterPage> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        if (query.ContinuationToken is not null)
        {
            throw new ArgumentException("The dead-letter list is not paged.", nameof(query));
        }

        var letters = await store.ListAsync(query.Limit, cancellationToken);
        var items = letters.Instances
            .Where(i => query.WorkflowId is null || i.WorkflowId == query.WorkflowId)
            .Select(i => new DeadLetter(
                DeadLetterKinds.Instance, i.InstanceId, i.WorkflowId, i.FailedStep, i.ErrorKind,
                i.Reason ?? "The instance failed.", i.FailedAt))
            .Concat(letters.Messages
                .Where(_ => query.WorkflowId is null)
                .Select(m => new DeadLetter(
                    DeadLetterKinds.Message, m.MessageId, null, null, null,
                    $"No workflow consumed the message on channel '{m.Channel}'.", m.DeadLetteredAt, m.Channel)))
            .Take(query.Limit)
            .ToList();
        return new DeadLetterPage(items, null);
    }
}
