using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Mail;
using Serverless.Mail.Agent;
using Serverless.Mail.Tickets;

namespace Serverless.Functions.Http;

/// <summary>The email ticket agent's routes (MailEndpoints in the embedded host), management key required.</summary>
public sealed class MailFunctions
{
    [Function("ListMailboxes")]
    public Task<IActionResult> Mailboxes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MailEndpoints.Mailboxes)] HttpRequest req,
        [DurableClient] DurableTaskClient durable) =>
        req.Run<TicketHandlers>(durable, h => h.Mailboxes());

    [Function("ListTickets")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MailEndpoints.Tickets)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<TicketHandlers>(durable, h => h.ListAsync(req, ct));

    [Function("GetTicket")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MailEndpoints.Ticket)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<TicketHandlers>(durable, h => h.GetAsync(id, ct));

    [Function("UpdateTicket")]
    public Task<IActionResult> Update(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = MailEndpoints.Ticket)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<TicketHandlers>(durable, h => h.UpdateAsync(id, req, ct));

    [Function("MailStatistics")]
    public Task<IActionResult> Statistics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MailEndpoints.Statistics)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<StatisticsHandler>(durable, h => h.DayAsync(req, ct));
}
