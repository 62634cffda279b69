using Serverless.Runtime.Abstractions;

namespace Serverless.Runtime.Statistics;

/// <summary>Statistics for a runtime that cannot aggregate itself (Durable Functions): pages through
/// <see cref="IWorkflowClient.ListAsync"/> for the range and aggregates in memory, stopping at
/// <see cref="MaxInstances"/> instances with <see cref="InstanceStatistics.Truncated"/> set.</summary>
public sealed class ListingInstanceStatistics(IWorkflowClient client) : IInstanceStatistics
{
    public const int MaxInstances = 50_000;
    private const int PageSize = 1000;

    public async Task<InstanceStatistics> ComputeAsync(StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var builder = new InstanceStatisticsBuilder(query);
        string? token = null;
        do
        {
            var page = await client.ListAsync(
                new InstanceQuery(query.WorkflowId, CreatedFrom: query.From, CreatedTo: query.To, Limit: PageSize, ContinuationToken: token),
                cancellationToken);
            foreach (var item in page.Items)
            {
                if (builder.Count == MaxInstances && builder.Covers(item.WorkflowId, item.CreatedAt))
                {
                    return builder.Build(truncated: true);
                }

                builder.Add(item.WorkflowId, item.Status, item.CreatedAt, item.EndedAt);
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        return builder.Build();
    }
}
