using Microsoft.AspNetCore.Http;
using Serverless.Engine;

namespace Serverless.Api.DeadLetters;

/// <summary>POST /api/deadletters/messages/{messageId}/replay: 202 once the message's channel delivered it again
/// (<c>started</c> instances), 404 for an id that is no dead message, 409 when nobody listens on the channel now or
/// the message cannot be read.</summary>
public sealed class DeadMessageReplayHandler(IDeadMessageReplay replay)
{
    public async Task<IResult> ReplayAsync(string messageId, CancellationToken cancellationToken)
    {
        var result = await replay.ReplayAsync(messageId, cancellationToken);
        var instance = ApiRoutes.DeadMessageReplayUrl(messageId);
        var names = new Dictionary<string, object?> { ["messageId"] = messageId, ["channel"] = result.Channel };
        return result.Outcome switch
        {
            DeadMessageReplayOutcome.Replayed => Results.Json(
                new DeadMessageReplayResponse(messageId, result.Channel, result.Started), EngineJson.Options, statusCode: StatusCodes.Status202Accepted),
            DeadMessageReplayOutcome.NotFound => Results.Problem(
                title: "Dead letter not found.",
                detail: $"No dead channel message has the id '{messageId}'.",
                statusCode: StatusCodes.Status404NotFound, instance: instance, extensions: names),
            DeadMessageReplayOutcome.NoSubscriber => Results.Problem(
                title: "Nobody listens on the channel.",
                detail: $"No workflow listens on channel '{result.Channel}' now; the message stays in the dead letters.",
                statusCode: StatusCodes.Status409Conflict, instance: instance, extensions: names),
            _ => Results.Problem(
                title: "The dead letter cannot be replayed.",
                detail: $"Dead letter '{messageId}' is not a channel message this app can read.",
                statusCode: StatusCodes.Status409Conflict, instance: instance, extensions: names),
        };
    }
}

public sealed record DeadMessageReplayResponse(string MessageId, string? Channel, int Started);
