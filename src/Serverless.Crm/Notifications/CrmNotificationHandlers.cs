using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Api.Http;
using Serverless.Crm.Data;

namespace Serverless.Crm.Notifications;

/// <summary>The notification routes, shared by both hosts: a user's notifications listed, one marked read, and the
/// Server-Sent Events stream that replays what was kept and then delivers live ones from <see cref="INotificationHub"/>.</summary>
public sealed class CrmNotificationHandlers(
    ICrmStore store, INotificationHub hub, IOptions<CrmNotificationOptions> options, TimeProvider time, ILogger<CrmNotificationHandlers> logger)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    public const string LastEventIdHeader = "Last-Event-ID";

    /// <summary>GET /api/v1/notifications?user_id=&amp;unread=true&amp;limit=: newest first.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var userId = UserId(request, errors);
        var unread = QueryValues.OptionalBool(request.Query, "unread", out var unreadError);
        if (unreadError is not null)
        {
            errors["unread"] = [unreadError];
        }

        var limit = QueryValues.OptionalPositiveInt(request.Query, "limit", out var limitError, max: MaxLimit);
        if (limitError is not null)
        {
            errors["limit"] = [limitError];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, request.Path);
        }

        var all = await store.ListAsync<Notification>("user_id", userId, cancellationToken);
        var items = all.Where(n => !unread || !n.Read).Reverse().Take(limit ?? DefaultLimit)
            .Select(n => (JsonNode)DocumentCrmStore.ToJson(n)).ToArray();
        return Results.Ok(new JsonObject { ["items"] = new JsonArray(items), ["unread_count"] = all.Count(n => !n.Read) });
    }

    /// <summary>POST /api/v1/notifications/{id}/read: marks it read (again is fine); 404 when there is none.</summary>
    public async Task<IResult> MarkReadAsync(string id, CancellationToken cancellationToken)
    {
        var update = await store.UpdateAsync<Notification>(id, n => n.Read ? n : n with { Read = true }, cancellationToken);
        return update is null
            ? Results.Problem(title: "Notification not found.", detail: $"No notification '{id}'.", statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["notificationId"] = id })
            : Results.Ok(DocumentCrmStore.ToJson(update.After));
    }

    /// <summary>GET /api/v1/notifications/stream?user_id=&amp;last_event_id=: text/event-stream until the client leaves.</summary>
    public IResult Stream(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var userId = UserId(request, errors);
        var lastEventId = QueryValues.Single(request.Query, "last_event_id", out var lastError);
        if (lastError is not null)
        {
            errors["last_event_id"] = [lastError];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, request.Path);
        }

        // EventSource sends the header when it reconnects by itself; it wins over the query of the first connection.
        var header = request.Headers[LastEventIdHeader].ToString();
        var settings = options.Value;
        return new NotificationStreamResult(
            new NotificationStreamRequest(userId, string.IsNullOrWhiteSpace(header) ? lastEventId : header.Trim(),
                TimeSpan.FromSeconds(settings.HeartbeatSeconds), settings.ReplayLimit),
            store, hub, time, logger);
    }

    private static string UserId(HttpRequest request, Dictionary<string, string[]> errors)
    {
        var userId = QueryValues.Single(request.Query, "user_id", out var error);
        if (error is not null || userId is null)
        {
            errors["user_id"] = [error ?? "'user_id' is required: the user whose notifications these are."];
            return "";
        }

        return userId.Trim();
    }
}
