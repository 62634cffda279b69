using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Zoho;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>ROUTE: moves the ticket to the department the rule names (its id from Helpdesk:Departments).</summary>
internal sealed class RouteTicketActivity(IConnectorProvider<IZohoDeskClient> desk, IOptions<HelpdeskOptions> options) : IActivity
{
    public string Name => HelpdeskNames.RouteTicket;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var ticketId = ActivityInput.Required(context, "ticketId");
        var department = ActivityInput.Required(context, "department");
        var departmentId = options.Value.Departments.TryGetValue(department, out var id) ? id : department;
        await desk.For(context).MoveTicketAsync(ticketId, departmentId, cancellationToken);
        return new JsonObject { ["department"] = department, ["departmentId"] = departmentId, ["reason"] = ActivityInput.Optional(context, "reason") };
    }
}
