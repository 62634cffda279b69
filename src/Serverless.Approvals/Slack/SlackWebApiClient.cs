using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Approvals.Configuration;
using Serverless.Connectors.Resilience;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Approvals.Slack;

/// <summary>The real Slack Web API client (typed HttpClient, bot token as Bearer, JSON bodies). Slack answers HTTP 200
/// with {"ok":false,"error":"..."} for most failures, and HTTP 429 + Retry-After when rate limited.</summary>
public sealed class SlackWebApiClient(HttpClient http, IOptionsMonitor<ApprovalOptions> options, TimeProvider time) : ISlackWebApi
{
    public async Task<SlackMessageRef> PostMessageAsync(string channel, string text, JsonArray blocks, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = channel,
            ["text"] = text,
            ["blocks"] = blocks?.DeepClone(),
            ["unfurl_links"] = false,
        }, cancellationToken);
        return new SlackMessageRef(Text(answer["channel"]) ?? channel, Text(answer["ts"])
            ?? throw new ActivityException(ErrorKinds.Permanent, "Slack chat.postMessage answered ok without a message ts."));
    }

    public async Task UpdateMessageAsync(SlackMessageRef message, string text, JsonArray blocks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await CallAsync("chat.update", new JsonObject
        {
            ["channel"] = message.Channel,
            ["ts"] = message.Ts,
            ["text"] = text,
            ["blocks"] = blocks?.DeepClone(),
        }, cancellationToken);
    }

    private async Task<JsonObject> CallAsync(string method, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.Slack.BotToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await HttpFailures.EnsureSuccessAsync(response, SlackApprovalOptions.ConnectorName, time, cancellationToken);
        var content = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonObject answer;
        try
        {
            answer = JsonNode.Parse(content) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            throw new ActivityException(ErrorKinds.Transient, $"Slack {method} answered something that is not JSON.");
        }

        if (answer["ok"] is JsonValue ok && ok.TryGetValue<bool>(out var isOk) && isOk)
        {
            return answer;
        }

        var error = Text(answer["error"]) ?? "unknown_error";
        throw new ActivityException(KindOf(error), $"Slack {method} failed: {error}");
    }

    /// <summary>Slack's documented error codes mapped to the kinds workflow retry policies select on.</summary>
    internal static string KindOf(string error) => error switch
    {
        "ratelimited" or "rate_limited" => ErrorKinds.RateLimited,
        "not_authed" or "invalid_auth" or "account_inactive" or "token_revoked" or "token_expired" or "missing_scope"
            or "not_allowed_token_type" or "no_permission" => ErrorKinds.Unauthorized,
        "channel_not_found" or "message_not_found" => ErrorKinds.NotFound,
        "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout" => ErrorKinds.Transient,
        _ => ErrorKinds.Validation,
    };

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
