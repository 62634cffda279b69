using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Resilience;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Zoho;

/// <summary>The real Zoho Desk connector: a typed HttpClient (base address Connectors:Zoho:DeskBaseAddress or the data
/// centre's desk host, shared resilience handler) sending the access token of <see cref="ZohoAccessTokenSource"/>
/// and the orgId header. Failures are ActivityExceptions; a missing ticket is NotFound.</summary>
internal sealed class ZohoDeskClient(HttpClient http, ZohoAccessTokenSource tokens, IOptionsMonitor<ZohoOptions> options, TimeProvider time)
    : IZohoDeskClient
{
    /// <summary>Thread contents read at once for one ticket (each is its own request).</summary>
    private const int ThreadReads = 4;

    /// <summary>Pages of threads or comments read at most (10,000 items): a guard against a server that never ends.</summary>
    private const int MaxPages = 100;

    public async Task<IReadOnlyList<ZohoDeskTicket>> ListTicketsAsync(ZohoTicketQuery query, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, ZohoDeskPayloads.Tickets(query), null, null, cancellationToken);
        return [.. ZohoDeskPayloads.Data(answer).Select(ZohoDeskPayloads.ReadTicket)];
    }

    public async Task<ZohoDeskTicket> GetTicketAsync(string ticketId, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, ZohoDeskPayloads.Ticket(ticketId), null, TicketName(ticketId), cancellationToken);
        return ZohoDeskPayloads.ReadTicket(answer ?? throw Missing(TicketName(ticketId)));
    }

    public async Task<IReadOnlyList<ZohoDeskThread>> ListThreadsAsync(string ticketId, CancellationToken cancellationToken)
    {
        var listed = await ListAllAsync(from => ZohoDeskPayloads.Threads(ticketId, from), ticketId, cancellationToken);
        var threads = new ZohoDeskThread[listed.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, listed.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ThreadReads, CancellationToken = cancellationToken },
            async (i, ct) => threads[i] = await ReadThreadAsync(ticketId, listed[i], ct));
        return [.. threads.OrderBy(t => t.CreatedTime).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    public async Task<ZohoDeskThread> CreateDraftReplyAsync(string ticketId, ZohoDraftReply draft, string marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ZohoDeskPayloads.RequireMarker(draft.Content, marker, "draft");
        var listed = await ListAllAsync(from => ZohoDeskPayloads.Threads(ticketId, from), ticketId, cancellationToken);
        foreach (var node in listed.Where(n => string.Equals(ZohoDeskPayloads.Text(n["status"]), "DRAFT", StringComparison.OrdinalIgnoreCase)))
        {
            var existing = await ReadThreadAsync(ticketId, node, cancellationToken);
            if (ZohoDeskPayloads.CarriesMarker(existing.Content, marker))
            {
                return existing;
            }
        }

        var answer = await SendAsync(HttpMethod.Post, ZohoDeskPayloads.DraftReply(ticketId), ZohoDeskPayloads.DraftBody(draft), TicketName(ticketId),
            cancellationToken) ?? throw new ActivityException(ErrorKinds.Permanent, $"{ZohoOptions.DeskName} answered the draft reply without the draft.");
        var created = ZohoDeskPayloads.ReadThread(answer);
        return created.Status.Length == 0 ? created with { Status = "DRAFT" } : created;
    }

    public async Task<ZohoDeskComment> AddPrivateCommentAsync(string ticketId, string htmlContent, string marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(htmlContent);
        ZohoDeskPayloads.RequireMarker(htmlContent, marker, "comment");
        var listed = await ListAllAsync(from => ZohoDeskPayloads.Comments(ticketId, from), ticketId, cancellationToken);
        if (listed.FirstOrDefault(c => ZohoDeskPayloads.CarriesMarker(ZohoDeskPayloads.Text(c["content"]), marker)) is { } existing)
        {
            return ZohoDeskPayloads.ReadComment(existing);
        }

        var answer = await SendAsync(HttpMethod.Post, ZohoDeskPayloads.Comments(ticketId), ZohoDeskPayloads.CommentBody(htmlContent), TicketName(ticketId),
            cancellationToken) ?? throw new ActivityException(ErrorKinds.Permanent, $"{ZohoOptions.DeskName} answered the comment without the comment.");
        return ZohoDeskPayloads.ReadComment(answer);
    }

    public async Task MoveTicketAsync(string ticketId, string departmentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentId);
        await SendAsync(HttpMethod.Post, ZohoDeskPayloads.Move(ticketId), ZohoDeskPayloads.MoveBody(departmentId), TicketName(ticketId), cancellationToken);
    }

    /// <summary>The message of a missing ticket, the same in the sandbox twin.</summary>
    internal static ActivityException Missing(string what, string? detail = null) =>
        new(ErrorKinds.NotFound, $"{ZohoOptions.DeskName} has no {what} (HTTP 404)" + (detail is null ? "." : $": {detail}"));

    internal static string TicketName(string ticketId) => $"ticket {ticketId}";

    private async Task<ZohoDeskThread> ReadThreadAsync(string ticketId, JsonNode listed, CancellationToken cancellationToken)
    {
        var id = ZohoDeskPayloads.ReadThread(listed).Id;
        var full = await SendAsync(HttpMethod.Get, ZohoDeskPayloads.Thread(ticketId, id), null, $"thread {id} of ticket {ticketId}", cancellationToken);
        return ZohoDeskPayloads.ReadThread(full ?? listed);
    }

    /// <summary>Every page of a from/limit list (threads, comments) until one comes back short or empty (204).</summary>
    private async Task<List<JsonNode>> ListAllAsync(Func<int, string> page, string ticketId, CancellationToken cancellationToken)
    {
        var all = new List<JsonNode>();
        for (var i = 0; i < MaxPages; i++)
        {
            var answer = await SendAsync(HttpMethod.Get, page(i * ZohoDeskPayloads.ListPageSize), null, TicketName(ticketId), cancellationToken);
            var items = ZohoDeskPayloads.Data(answer).ToList();
            all.AddRange(items);
            if (items.Count < ZohoDeskPayloads.ListPageSize)
            {
                break;
            }
        }

        return all;
    }

    /// <summary>The answer's JSON (null for 204). A 404 for <paramref name="missing"/> fails as NotFound naming it.</summary>
    private Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, string? missing, CancellationToken cancellationToken) =>
        ZohoAuthorizedCall.SendAsync(http, tokens, token => Request(method, path, token, body), async response =>
        {
            if (missing is not null && response.StatusCode == HttpStatusCode.NotFound)
            {
                throw Missing(missing, ApiErrorMessage.Read(await response.Content.ReadAsStringAsync(cancellationToken)));
            }

            await HttpFailures.EnsureSuccessAsync(response, ZohoOptions.DeskName, time, cancellationToken);
            return await ZohoAuthorizedCall.ReadJsonAsync(response, ZohoOptions.DeskName, cancellationToken);
        }, cancellationToken);

    private HttpRequestMessage Request(HttpMethod method, string path, ZohoAccessToken token, JsonObject? body)
    {
        var request = ZohoAuthorizedCall.Request(method, path, token, body);
        request.Headers.TryAddWithoutValidation("orgId", options.CurrentValue.OrgId);
        if (method == HttpMethod.Post)
        {
            // A draft or note whose POST timed out may exist: the activity's retry looks for its marker first.
            request.Options.Set(ConnectorResiliencePipeline.RetryOnlyWhenRefused, true);
        }

        return request;
    }
}
