using System.Globalization;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Zoho;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Queue;

/// <summary>The seed's "régénérer la liste": every Open ticket of the department from Zoho Desk, pages of 100 sorted
/// by -createdTime (from = 0, 100, ... until a short page), written as the pending list (tickets processed
/// successfully stay out). Against the sandbox, the calls are recorded under instance "helpdesk.refresh:{time}".</summary>
public sealed class PendingRefresh(IConnectorProvider<IZohoDeskClient> desk, HelpdeskQueue queue, IOptions<HelpdeskOptions> options, TimeProvider time)
{
    /// <summary>A guard against a server that never answers a short page: 1,000 pages of 100 tickets.</summary>
    public const int MaxPages = 1000;

    public async Task<RefreshResult> RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
        var context = new ActivityContext($"helpdesk.refresh:{stamp}", "helpdesk-refresh", "refresh", $"helpdesk.refresh:{stamp}", 1, null, DryRun: false);
        var client = desk.For(context);
        var all = new List<ZohoDeskTicket>();
        var pages = 0;
        while (pages < MaxPages)
        {
            var page = await client.ListTicketsAsync(new ZohoTicketQuery(o.DepartmentId, o.Status, all.Count, o.PageSize), cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            pages++;
            all.AddRange(page);
            if (page.Count < o.PageSize)
            {
                break;
            }
        }

        var pending = await queue.ReplacePendingAsync(
            all.Select(t => new PendingTicket(t.Id, t.TicketNumber, t.Subject, t.CreatedTime)).ToList(), cancellationToken);
        return new RefreshResult(all.Count, pending, pages, o.DepartmentId);
    }
}

/// <summary>Tickets read from Zoho Desk, how many are pending now (the rest were processed), pages read.</summary>
public sealed record RefreshResult(int Read, int Pending, int Pages, string DepartmentId);
