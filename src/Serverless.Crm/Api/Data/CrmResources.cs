using Serverless.Crm.Data;

namespace Serverless.Crm.Api.Data;

/// <summary>The six record types the REST API serves, each with its writable properties and filters.</summary>
internal static class CrmResources
{
    private const string UserRef = "user";
    private const string OrganisationRef = "organisation";

    private static readonly CrmProperty OwnerId = new("owner_id", CrmValueKind.Reference) { References = UserRef };
    private static readonly CrmProperty Tags = new("tags", CrmValueKind.Tags);
    private static readonly CrmFilter OwnerFilter = new("owner_id", "owner_id");
    private static readonly CrmFilter TagFilter = new("tag", "tags");

    public static CrmResource Organisations { get; } = new()
    {
        Name = "organisation",
        RecordType = typeof(Organisation),
        Route = CrmDataRoutes.Organisations,
        Sequence = "organisations",
        HasFields = true,
        PublishesChanges = true,
        Properties =
        [
            new("name", CrmValueKind.Text) { Required = true },
            new("pipeline_stage", CrmValueKind.Text),
            new("email", CrmValueKind.Email),
            OwnerId,
            Tags,
        ],
        Filters = [OwnerFilter, new("pipeline_stage", "pipeline_stage"), new("stage", "pipeline_stage"), TagFilter],
    };

    public static CrmResource Deals { get; } = new()
    {
        Name = "deal",
        RecordType = typeof(Deal),
        Route = CrmDataRoutes.Deals,
        Sequence = "deals",
        HasFields = true,
        PublishesChanges = true,
        Properties =
        [
            new("organisation_id", CrmValueKind.Reference) { References = OrganisationRef },
            new("title", CrmValueKind.Text) { Required = true },
            new("stage", CrmValueKind.Text),
            new("amount", CrmValueKind.Number),
            new("currency", CrmValueKind.Text),
            OwnerId,
            Tags,
        ],
        Filters = [OwnerFilter, new("organisation_id", "organisation_id"), new("stage", "stage"), TagFilter],
    };

    public static CrmResource People { get; } = new()
    {
        Name = "person",
        RecordType = typeof(Person),
        Route = CrmDataRoutes.People,
        Sequence = "people",
        HasFields = true,
        Properties =
        [
            new("organisation_id", CrmValueKind.Reference) { References = OrganisationRef },
            new("name", CrmValueKind.Text) { Required = true },
            new("email", CrmValueKind.Email),
            new("phone", CrmValueKind.Text),
            OwnerId,
            Tags,
        ],
        Filters = [OwnerFilter, new("organisation_id", "organisation_id"), TagFilter],
    };

    public static CrmResource Tasks { get; } = new()
    {
        Name = "task",
        RecordType = typeof(CrmTask),
        Route = CrmDataRoutes.Tasks,
        Sequence = "tasks",
        Properties =
        [
            new("title", CrmValueKind.Text) { Required = true },
            new("description", CrmValueKind.Text),
            new("due", CrmValueKind.Timestamp),
            new("assignee_id", CrmValueKind.Reference) { References = UserRef },
            new("priority", CrmValueKind.Choice) { Choices = ["urgent", "high", "normal", "low"] },
            new("entity", CrmValueKind.EntityRef),
            new("status", CrmValueKind.Choice) { Choices = [CrmTaskStatuses.Open, CrmTaskStatuses.Done] },
        ],
        Filters =
        [
            new("assignee_id", "assignee_id"), new("status", "status"), new("priority", "priority"),
            new("entity_type", "entity.type"), new("entity_id", "entity.id"),
        ],
    };

    public static CrmResource Users { get; } = new()
    {
        Name = "user",
        RecordType = typeof(User),
        Route = CrmDataRoutes.Users,
        Sequence = "users",
        Properties =
        [
            new("name", CrmValueKind.Text) { Required = true },
            new("email", CrmValueKind.Email) { Required = true },
            new("manager_id", CrmValueKind.Reference) { References = UserRef },
        ],
        Filters = [new("manager_id", "manager_id"), new("email", "email")],
    };

    public static CrmResource Activities { get; } = new()
    {
        Name = "activity",
        RecordType = typeof(CrmActivityRecord),
        Route = CrmDataRoutes.Activities,
        Sequence = "activities",
        Properties =
        [
            new("entity", CrmValueKind.EntityRef),
            new("type", CrmValueKind.Choice) { Required = true, Choices = ["note", "call", "email", "meeting", "task", "other"] },
            new("title", CrmValueKind.Text) { Required = true },
            new("text", CrmValueKind.Text),
            new("at", CrmValueKind.Timestamp) { DefaultsToNow = true },
        ],
        Filters = [new("entity_type", "entity.type"), new("entity_id", "entity.id"), new("type", "type")],
    };

    public static CrmResource Of<T>()
        where T : CrmEntity => typeof(T).Name switch
        {
            nameof(Organisation) => Organisations,
            nameof(Deal) => Deals,
            nameof(Person) => People,
            nameof(CrmTask) => Tasks,
            nameof(User) => Users,
            nameof(CrmActivityRecord) => Activities,
            _ => throw new ArgumentException($"{typeof(T).Name} has no REST resource."),
        };
}
