using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Serverless.Crm.Data;

namespace Serverless.Crm.Notifications;

/// <summary>What one stream connection asked for.</summary>
internal sealed record NotificationStreamRequest(string UserId, string? LastEventId, TimeSpan Heartbeat, int ReplayLimit);

/// <summary>
/// The open stream, written straight to <see cref="HttpResponse.Body"/> and flushed frame by frame, so it runs the
/// same under Kestrel and under the Functions worker's ASP.NET Core integration. It subscribes before it reads the
/// store, so a notification created while the kept ones are sent is not missed (and is not sent twice).
/// </summary>
internal sealed class NotificationStreamResult(
    NotificationStreamRequest request, ICrmStore store, INotificationHub hub, TimeProvider time, ILogger logger) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var aborted = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var subscription = hub.Subscribe(request.UserId);
        var sent = 0;
        try
        {
            // Read before the first byte goes out, so a store failure is still an ordinary error response.
            var kept = await KeptAsync(aborted);
            var replayed = new HashSet<string>(StringComparer.Ordinal);
            var text = new StringBuilder(NotificationFrames.Comment("connected"));
            foreach (var notification in kept)
            {
                replayed.Add(notification.Id);
                text.Append(NotificationFrames.Notification(notification));
            }

            await WriteAsync(response, text.ToString(), aborted);
            sent += kept.Count;

            sent += await LiveAsync(response, subscription, replayed, aborted);
        }
        catch (Exception ex) when (aborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            // The client went away: nothing to answer to.
        }

        NotificationLog.StreamClosed(logger, request.UserId, sent, subscription.Dropped);
    }

    /// <summary>After Last-Event-ID: every later notification of the user; otherwise (or if that id is unknown) the
    /// unread ones. At most the newest ReplayLimit, oldest first.</summary>
    private async Task<IReadOnlyList<Notification>> KeptAsync(CancellationToken cancellationToken)
    {
        var all = await store.ListAsync<Notification>("user_id", request.UserId, cancellationToken);
        var after = request.LastEventId is null ? -1 : IndexOf(all, request.LastEventId);
        var kept = after >= 0 ? all.Skip(after + 1) : all.Where(n => !n.Read);
        return [.. kept.TakeLast(request.ReplayLimit)];
    }

    private async Task<int> LiveAsync(HttpResponse response, NotificationSubscription subscription, HashSet<string> replayed, CancellationToken aborted)
    {
        using var heartbeat = new PeriodicTimer(request.Heartbeat, time);
        var reader = subscription.Reader;
        var sent = 0;
        var droppedReported = 0L;
        Task<bool>? tick = null;
        Task<bool>? ready = null;
        while (true)
        {
            tick ??= heartbeat.WaitForNextTickAsync(aborted).AsTask();
            ready ??= reader.WaitToReadAsync(aborted).AsTask();
            var done = await Task.WhenAny(tick, ready);
            if (!await done)
            {
                return sent;
            }

            var text = new StringBuilder();
            if (done == tick)
            {
                tick = null;
                text.Append(NotificationFrames.Comment("heartbeat"));
            }
            else
            {
                ready = null;
                while (reader.TryRead(out var notification))
                {
                    if (!replayed.Contains(notification.Id))
                    {
                        text.Append(NotificationFrames.Notification(notification));
                        sent++;
                    }
                }
            }

            if (subscription.Dropped > droppedReported)
            {
                droppedReported = subscription.Dropped;
                text.Append(NotificationFrames.Comment($"dropped {droppedReported} notifications; list them or reconnect with Last-Event-ID"));
            }

            await WriteAsync(response, text.ToString(), aborted);
        }
    }

    private static int IndexOf(IReadOnlyList<Notification> all, string id)
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (string.Equals(all[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
