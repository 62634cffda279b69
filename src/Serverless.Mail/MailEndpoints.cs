using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serverless.Mail.Agent;
using Serverless.Mail.Tickets;

namespace Serverless.Mail;

/// <summary>The email ticket agent's routes in the embedded host; the Functions app declares the same routes in
/// functions/Http/MailFunctions.cs over the same <see cref="TicketHandlers"/>.</summary>
public static class MailEndpoints
{
    /// <summary>Routes under the "api" prefix (what an Azure Functions trigger declares).</summary>
    public const string Mailboxes = "mail/mailboxes";
    public const string Tickets = "mail/tickets";
    public const string Ticket = "mail/tickets/{id}";
    public const string Statistics = "mail/statistics";

    public static IEndpointRouteBuilder MapMailApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/" + Mailboxes, (TicketHandlers h) => h.Mailboxes()).WithName("ListMailboxes").WithTags("Mail");
        endpoints.MapGet("/api/" + Tickets, (HttpRequest request, TicketHandlers h, CancellationToken ct) => h.ListAsync(request, ct))
            .WithName("ListTickets").WithTags("Mail");
        endpoints.MapGet("/api/" + Ticket, (string id, TicketHandlers h, CancellationToken ct) => h.GetAsync(id, ct))
            .WithName("GetTicket").WithTags("Mail");
        endpoints.MapMethods("/api/" + Ticket, ["PATCH"], (string id, HttpRequest request, TicketHandlers h, CancellationToken ct) => h.UpdateAsync(id, request, ct))
            .WithName("UpdateTicket").WithTags("Mail");
        endpoints.MapGet("/api/" + Statistics, (HttpRequest request, StatisticsHandler h, CancellationToken ct) => h.DayAsync(request, ct))
            .WithName("MailStatistics").WithTags("Mail");
        return endpoints;
    }
}
