using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Api.Http;
using Serverless.Approvals.Configuration;
using Serverless.Approvals.Decisions;
using Serverless.Approvals.Tokens;
using Serverless.Connectors.Selection;
using Serverless.Runtime.Abstractions;
using Serverless.Storage.Dedup;

namespace Serverless.Approvals.Slack;

/// <summary>
/// POST /api/slack/interactions: Slack's block_actions callback when someone presses Approve / Reject / Request
/// changes. The request must be signed with the app's signing secret, fresh (5 minutes) and never seen before; the
/// button's value is a signed decision token, so the gate, the instance and the decision come from us, not from
/// the payload. The message is then updated (chat.update) to show the outcome instead of the buttons.
/// </summary>
public sealed class SlackInteractionHandler(
    ApprovalDecisionService service,
    DecisionTokenCodec codec,
    SignedRequestReplayGuard replays,
    IConnectorProvider<ISlackWebApi> slack,
    IOptionsMonitor<ApprovalOptions> options,
    TimeProvider time,
    ILogger<SlackInteractionHandler> logger)
{
    /// <summary>Dedup scope (table store partition) of the accepted Slack request signatures. Slack sends no request
    /// id for interactions, so the signature (unique per timestamp and body) is the id.</summary>
    public const string ReplayScope = "approval-slack-requests";

    private const int MaxBodyBytes = 256 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var raw = await BoundedBody.ReadAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (raw is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (RequestText.FindInForm(raw) is { } invalid)
        {
            return RequestText.Problem(invalid, request.Path);
        }

        var body = Encoding.UTF8.GetString(raw);
        var signature = request.Headers[SlackSignature.SignatureHeader].ToString();
        var problem = SlackSignature.Problem(options.CurrentValue.Slack.SigningSecret, request.Headers[SlackSignature.TimestampHeader].ToString(),
            signature, body, time.GetUtcNow());
        if (problem is null && !(await replays.ClaimAsync(ReplayScope, signature, SlackSignature.MaxAge, cancellationToken)).IsFirst)
        {
            problem = "request already received (replay)";
        }

        if (problem is not null)
        {
            logger.LogWarning("Slack interaction refused: {Problem}", problem);
            return Results.Problem(title: "Slack request refused", detail: problem, statusCode: StatusCodes.Status401Unauthorized);
        }

        // Other interaction types (shortcuts, modals) and other apps' buttons are acknowledged and ignored.
        var (payload, invalidPayload) = ReadPayload(body);
        if (invalidPayload is not null)
        {
            return RequestText.Problem(invalidPayload with { Field = "payload" + invalidPayload.Field.TrimStart('$') }, request.Path);
        }

        if (payload is null || Text(payload["type"]) != "block_actions"
            || payload["actions"] is not JsonArray { Count: > 0 } actions || actions[0] is not JsonObject action
            || Text(action["action_id"]) is not { } actionId
            || !actionId.StartsWith(SlackBlocks.ActionPrefix, StringComparison.Ordinal))
        {
            return Results.Ok();
        }

        var check = codec.Verify(Text(action["value"]));
        if (check.Token is not { } token || SlackBlocks.ActionId(token.Decision) != actionId)
        {
            logger.LogWarning("Slack interaction carried an invalid decision token: {Problem}", check.Problem ?? "action does not match token");
            return Results.Ok();
        }

        var user = payload["user"];
        var userId = Text(user?["id"]);
        var by = Text(user?["username"]) ?? Text(user?["name"]) ?? userId ?? "slack";
        var lookup = await service.DecideAsync(token, null, by, "slack", cancellationToken);
        await UpdateMessageAsync(payload, token, lookup, userId, cancellationToken);
        return Results.Ok();
    }

    private async Task UpdateMessageAsync(JsonNode payload, DecisionToken token, GateLookup lookup, string? userId, CancellationToken cancellationToken)
    {
        var channel = Text(payload["channel"]?["id"]) ?? Text(payload["container"]?["channel_id"]);
        var ts = Text(payload["container"]?["message_ts"]) ?? Text(payload["message"]?["ts"]);
        if (channel is null || ts is null || lookup.Status == GateStatus.Invalid)
        {
            return;
        }

        var texts = ApprovalTexts.For(options.CurrentValue.Language);
        var line = lookup.Status switch
        {
            GateStatus.Recorded when lookup.Outcome is { } o =>
                texts.DecidedBy(o.Decision, userId is null ? SlackBlocks.Escape(o.DecidedBy ?? "?") : $"<@{userId}>", o.DecidedAt),
            GateStatus.Closed when lookup.Outcome is { } o =>
                $"{texts.AlreadyDecided} {texts.DecidedBy(o.Decision, SlackBlocks.Escape(o.DecidedBy ?? "?"), o.DecidedAt)}",
            GateStatus.Expired => texts.Expired,
            _ => null,
        };
        if (line is null)
        {
            return;
        }

        var context = new ActivityContext(token.InstanceId, lookup.Gate?.WorkflowId ?? "", token.GateId,
            $"{token.InstanceId}:{token.GateId}:slack-update:{ts}", 1, null, lookup.Gate?.DryRun ?? false);
        try
        {
            var blocks = SlackBlocks.Decided(payload["message"]?["blocks"] as JsonArray, line);
            await slack.For(context).UpdateMessageAsync(new SlackMessageRef(channel, ts), line, blocks, cancellationToken);
        }
        catch (ActivityException e)
        {
            logger.LogWarning("Could not update the Slack message of gate {Gate}: {Error}", token.GateId, e.Message);
        }
    }

    private static (JsonObject? Payload, InvalidText? Invalid) ReadPayload(string body)
    {
        var form = QueryHelpers.ParseQuery(body);
        if (!form.TryGetValue("payload", out var raw))
        {
            return (null, null);
        }

        try
        {
            using (var document = JsonDocument.Parse(raw.ToString()))
            {
                if (RequestText.FindInJson(document.RootElement) is { } invalid)
                {
                    return (null, invalid);
                }
            }

            return (JsonNode.Parse(raw.ToString()) as JsonObject, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
