using System.Text.Json.Nodes;

namespace Serverless.Crm.Data;

/// <summary>What every record of the built-in CRM has: an id and the store's timestamps (set by
/// <see cref="ICrmStore"/> from its TimeProvider; what a caller puts there is overwritten).</summary>
public abstract record CrmEntity
{
    public required string Id { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The entity types a workflow action targets (entity_type in the seed's configs).</summary>
public static class CrmEntityTypes
{
    public const string Organisation = "organisation";
    public const string Deal = "deal";
    public const string Person = "person";

    public static readonly IReadOnlyList<string> All = [Organisation, Deal, Person];
}

/// <summary>A pointer to an organisation, deal or person (type is one of <see cref="CrmEntityTypes"/>).</summary>
public sealed record CrmEntityRef(string Type, string Id);

/// <summary>A record the workflow actions may change: tagged, owned, with free fields beside the named ones.</summary>
public abstract record CrmBusinessEntity : CrmEntity
{
    public string? OwnerId { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Fields with no property of their own (update_field on an unknown name lands here).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Fields { get; init; } = new Dictionary<string, JsonNode?>();
}

public sealed record Organisation : CrmBusinessEntity
{
    public required string Name { get; init; }

    public string? PipelineStage { get; init; }

    public string? Email { get; init; }
}

public sealed record Deal : CrmBusinessEntity
{
    public string? OrganisationId { get; init; }

    public required string Title { get; init; }

    public string? Stage { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }
}

public sealed record Person : CrmBusinessEntity
{
    public string? OrganisationId { get; init; }

    public required string Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }
}

public static class CrmTaskStatuses
{
    public const string Open = "open";
    public const string Done = "done";
}

public sealed record CrmTask : CrmEntity
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset? Due { get; init; }

    public string? AssigneeId { get; init; }

    public string Priority { get; init; } = "normal";

    public CrmEntityRef? Entity { get; init; }

    public string Status { get; init; } = CrmTaskStatuses.Open;
}

public sealed record User : CrmEntity
{
    public required string Name { get; init; }

    public required string Email { get; init; }

    public string? ManagerId { get; init; }
}

/// <summary>A line of an entity's history (the seed's Activity model: note, call, email, meeting, task, other).</summary>
public sealed record CrmActivityRecord : CrmEntity
{
    public CrmEntityRef? Entity { get; init; }

    public required string Type { get; init; }

    public required string Title { get; init; }

    public string? Text { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>An in-app notification (send_notification); type is info, success, warning or error.</summary>
public sealed record Notification : CrmEntity
{
    public required string UserId { get; init; }

    public string? Title { get; init; }

    public required string Body { get; init; }

    public string Type { get; init; } = "info";

    public bool Read { get; init; }
}

/// <summary>What an update changed: the record before and after.</summary>
public sealed record CrmUpdate<T>(T Before, T After)
    where T : CrmEntity;
