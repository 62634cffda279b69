using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Api.DeadLetters;

/// <summary>Dead letters derived from the Failed instances any <see cref="IWorkflowClient"/> can list, for hosts
/// whose runtime keeps no dead-letter table of its own.</summary>
public sealed class FailedInstanceDeadLetterReader(IWorkflowClient client) : IDeadLetterReader
{
    public async Task<DeadLetterPage> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        var page = await client.ListAsync(
            new InstanceQuery(query.WorkflowId, InstanceStatus.Failed, Limit: query.Limit, ContinuationToken: query.ContinuationToken),
            cancellationToken);
        var items = new List<DeadLetter>(page.Items.Count);
        foreach (var summary in page.Items)
        {
            // The listing carries the error with its step; only an error without a step needs the whole instance.
            var view = summary.Error is { StepId: not null } ? null : await client.GetAsync(summary.InstanceId, cancellationToken);
            var error = summary.Error ?? view?.Error;
            var failedStep = error?.StepId ?? view?.Timeline.LastOrDefault(s => s.Status == StepStatus.Failed)?.StepId;
            items.Add(new DeadLetter(
                DeadLetterKinds.Instance,
                summary.InstanceId,
                summary.WorkflowId,
                failedStep,
                error?.Kind,
                error?.Message ?? "The instance failed.",
                summary.EndedAt));
        }

        return new DeadLetterPage(items, page.ContinuationToken);
    }
}
