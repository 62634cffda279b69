using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Api;
using Serverless.Api.Http;
using Serverless.Mail.Mailboxes;

namespace Serverless.Mail.Tickets;

/// <summary>The email ticket agent's routes, shared by both hosts (MailEndpoints in the embedded host, MailFunctions
/// in the Functions app): mailbox health, and tickets listed, read and moved between Nouveau / En cours / Résolu.</summary>
public sealed class TicketHandlers(ITicketStore tickets, TicketSheetSync sheet, MailboxHealth health, IOptionsMonitor<MailOptions> mail, IOptions<ApiOptions> api)
{
    private const int MaxTextLength = 5_000;

    /// <summary>On a PATCH whose change was stored but whose Google Sheet row could not be written: why.</summary>
    public const string SheetWarningHeader = "X-Sheet-Warning";

    /// <summary>GET /api/mail/mailboxes: every configured mailbox with its polling status (never polled yet included).</summary>
    public IResult Mailboxes() =>
        Results.Ok(new { items = mail.CurrentValue.Mailboxes.Keys.Order(StringComparer.Ordinal).Select(health.Of).ToList() });

    /// <summary>GET /api/mail/tickets?status=&amp;category=&amp;priority=&amp;limit=&amp;continuationToken=</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Read(string name)
        {
            var value = QueryValues.Single(request.Query, name, out var error);
            if (error is not null)
            {
                errors[name] = [error];
            }

            return value;
        }

        var status = Read("status");
        if (status is not null && !TicketStatuses.All.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            errors["status"] = [$"'status' must be one of {string.Join(", ", TicketStatuses.All)} (was '{status}')."];
        }

        var limit = QueryValues.OptionalPositiveInt(request.Query, "limit", out var limitError, max: 1000);
        if (limitError is not null)
        {
            errors["limit"] = [limitError];
        }

        var filter = new TicketFilter(status, Read("category"), Read("priority"));
        var token = Read("continuationToken");
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, request.Path);
        }

        var page = await tickets.ListAsync(filter, limit ?? 100, token, cancellationToken);
        return Results.Ok(new { items = page.Items, continuationToken = page.ContinuationToken });
    }

    /// <summary>GET /api/mail/tickets/{id}</summary>
    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken) =>
        await tickets.GetAsync(id, cancellationToken) is { } ticket ? Results.Ok(ticket) : NotFound(id);

    /// <summary>PATCH /api/mail/tickets/{id} {"status": "En cours", "handledBy": "...", "notes": "...", "by": "..."}</summary>
    public async Task<IResult> UpdateAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, problem) = await JsonBody.ReadAsync(request, api.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body is not JsonObject fields)
        {
            return ApiProblems.Invalid("body", "The body must be a JSON object with any of status, handledBy, notes and by.", request.Path);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in fields.Select(f => f.Key).Where(k => k is not ("status" or "handledBy" or "notes" or "by")))
        {
            errors[name] = [$"'{name}' cannot be changed; the fields are status, handledBy, notes and by."];
        }

        string? Text(string name)
        {
            if (!fields.TryGetPropertyValue(name, out var node) || node is null)
            {
                return null;
            }

            if (node.GetValueKind() != System.Text.Json.JsonValueKind.String || node.GetValue<string>().Length > MaxTextLength)
            {
                errors[name] = [$"'{name}' must be a string of at most {MaxTextLength} characters."];
                return null;
            }

            return node.GetValue<string>();
        }

        var status = Text("status");
        var canonical = status is null ? null : TicketStatuses.All.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase));
        if (status is not null && canonical is null)
        {
            errors["status"] = [$"'status' must be one of {string.Join(", ", TicketStatuses.All)} (was '{status}')."];
        }

        var update = new TicketUpdate(canonical, Text("handledBy"), Text("notes"), Text("by"));
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, request.Path);
        }

        if (await tickets.UpdateAsync(id, update, cancellationToken) is not { } ticket)
        {
            return NotFound(id);
        }

        // The change is stored whatever the sheet says: a failed row write is a warning header, not an error.
        if (await sheet.SyncAsync(ticket, cancellationToken) is { } warning)
        {
            request.HttpContext.Response.Headers[SheetWarningHeader] = new string([.. warning.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        }

        return Results.Ok(ticket);
    }

    private static IResult NotFound(string id) =>
        Results.Problem(title: "Ticket not found.", detail: $"No ticket '{id}'.", statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["ticketId"] = id });
}
