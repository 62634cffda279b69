using System.Text.Json.Nodes;

namespace Serverless.Crm.Changes;

/// <summary>
/// One change of a CRM entity, as the workflows see it: which channel (<see cref="CrmNames.Channels"/>), the entity
/// before and after (snake_case JSON; <see cref="Before"/> is null on a creation), and the chain of workflow
/// executions that caused it (empty for a change made by a person or an outside system). <see cref="EventId"/> is the
/// dedup key: the same change delivered twice (a webhook retried, an activity retried) starts each workflow once.
/// </summary>
public sealed record CrmChangeEvent
{
    public required string EventId { get; init; }

    public required string Channel { get; init; }

    /// <summary>organisation, deal or person (<see cref="Data.CrmEntityTypes"/>).</summary>
    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    public JsonObject? Before { get; init; }

    public JsonObject? After { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Instance ids of the executions whose actions led to this change, oldest first; its length is the
    /// cascade depth loop protection bounds.</summary>
    public IReadOnlyList<string> CauseChain { get; init; } = [];

    /// <summary>What the channel adds to the seed's context: from_stage/to_stage, inactive_days.</summary>
    public JsonObject? Extra { get; init; }
}

/// <summary>Who receives the CRM's change events: the workflow dispatcher, which starts every active workflow
/// listening. Both CRM implementations (built-in and HubSpot) publish here.</summary>
public interface ICrmEventSink
{
    Task<CrmDispatchResult> PublishAsync(CrmChangeEvent change, CancellationToken cancellationToken = default);
}

/// <summary>What a change started: the executions (instance ids; one already started for this event id counts as
/// started, not again), and, when loop protection refused to go deeper, why.</summary>
public sealed record CrmDispatchResult(IReadOnlyList<string> Started, string? Stopped = null)
{
    public static CrmDispatchResult None { get; } = new([]);

    public JsonObject ToJson() => new()
    {
        ["started"] = new JsonArray([.. Started.Select(s => (JsonNode)JsonValue.Create(s))]),
        ["stopped"] = Stopped,
    };
}

/// <summary>Why a write happens: the workflow execution (and its own causes) when an action makes it, with a key
/// that makes the emitted event id the same on every attempt of that action.</summary>
public sealed record CrmCause(IReadOnlyList<string> Chain, string IdempotencyKey)
{
    /// <summary>A write made by a person or an outside system through the API.</summary>
    public static CrmCause? None => null;
}
