using System.Text.RegularExpressions;
using Serverless.Connectors.HubSpot;
using Serverless.Crm.Data;

namespace Serverless.Crm.HubSpot;

/// <summary>The entity a task or note is about: one association to a company, deal or contact.</summary>
internal static class EntityLinks
{
    public static readonly IReadOnlyList<string> Types = [HubSpotObjectTypes.Deals, HubSpotObjectTypes.Contacts, HubSpotObjectTypes.Companies];

    public static string ObjectTypeOf(string entityType) => entityType switch
    {
        CrmEntityTypes.Organisation => HubSpotObjectTypes.Companies,
        CrmEntityTypes.Deal => HubSpotObjectTypes.Deals,
        CrmEntityTypes.Person => HubSpotObjectTypes.Contacts,
        _ => throw new ArgumentException($"'{entityType}' is not a CRM entity type.", nameof(entityType)),
    };

    /// <summary>The most specific association first (deal, then contact, then company).</summary>
    public static CrmEntityRef? Read(HubSpotCrmObject source)
    {
        foreach (var type in Types)
        {
            if (source.Associations.TryGetValue(type, out var ids) && ids.Count > 0)
            {
                return new CrmEntityRef(type switch
                {
                    HubSpotObjectTypes.Deals => CrmEntityTypes.Deal,
                    HubSpotObjectTypes.Contacts => CrmEntityTypes.Person,
                    _ => CrmEntityTypes.Organisation,
                }, ids[0]);
            }
        }

        return null;
    }

    public static Dictionary<string, string?> Write(CrmEntityRef? entity) =>
        Types.ToDictionary(t => t, t => entity is not null && ObjectTypeOf(entity.Type) == t ? entity.Id : null);
}

/// <summary>CrmTask &lt;-&gt; task: hs_task_subject, hs_task_body, hs_timestamp (due; HubSpot requires one, so a task
/// with no due date gets the time it is written), hs_task_priority (urgent and high are both HIGH, normal is
/// MEDIUM), hs_task_status (done is COMPLETED, anything else reads as open), owner.</summary>
internal sealed class TaskMap(TimeProvider time) : HubSpotRecordMap<CrmTask>(HubSpotObjectTypes.Tasks)
{
    public override IReadOnlyList<string> Properties =>
        ["hs_task_subject", "hs_task_body", "hs_timestamp", "hs_task_priority", "hs_task_status", OwnerProperty];

    public override IReadOnlyList<string> Associations => EntityLinks.Types;

    public override CrmTask Read(HubSpotCrmObject source) => new()
    {
        Id = source.Id,
        CreatedAt = source.CreatedAt,
        UpdatedAt = source.UpdatedAt,
        Title = source["hs_task_subject"] ?? "",
        Description = NullIfEmpty(source["hs_task_body"]),
        Due = Timestamp(source["hs_timestamp"]),
        AssigneeId = NullIfEmpty(source[OwnerProperty]),
        Priority = source["hs_task_priority"] switch
        {
            "HIGH" => "high",
            "LOW" => "low",
            _ => "normal",
        },
        Status = source["hs_task_status"] == "COMPLETED" ? CrmTaskStatuses.Done : CrmTaskStatuses.Open,
        Entity = EntityLinks.Read(source),
    };

    public override Dictionary<string, string?> Write(CrmTask record) => new(StringComparer.Ordinal)
    {
        ["hs_task_subject"] = record.Title,
        ["hs_task_body"] = record.Description ?? "",
        ["hs_timestamp"] = Timestamp(record.Due ?? time.GetUtcNow()),
        ["hs_task_priority"] = record.Priority switch
        {
            "urgent" or "high" => "HIGH",
            "low" => "LOW",
            _ => "MEDIUM",
        },
        ["hs_task_status"] = record.Status == CrmTaskStatuses.Done ? "COMPLETED" : "NOT_STARTED",
        [OwnerProperty] = record.AssigneeId ?? "",
    };

    public override Dictionary<string, string?> Links(CrmTask record) => EntityLinks.Write(record.Entity);
}

/// <summary>CrmActivityRecord &lt;-&gt; note. A note has only a body and a time, so the body's first line carries the
/// type and title ("[call] Appel client"), the rest is the text; a note written in HubSpot reads as type note with
/// its first line as title.</summary>
internal sealed partial class NoteMap() : HubSpotRecordMap<CrmActivityRecord>(HubSpotObjectTypes.Notes)
{
    public override IReadOnlyList<string> Properties => ["hs_note_body", "hs_timestamp"];

    public override IReadOnlyList<string> Associations => EntityLinks.Types;

    public override CrmActivityRecord Read(HubSpotCrmObject source)
    {
        var body = (source["hs_note_body"] ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var newline = body.IndexOf('\n', StringComparison.Ordinal);
        var first = newline < 0 ? body : body[..newline];
        var rest = newline < 0 ? null : body[(newline + 1)..];
        var header = Header().Match(first);
        return new CrmActivityRecord
        {
            Id = source.Id,
            CreatedAt = source.CreatedAt,
            UpdatedAt = source.UpdatedAt,
            Type = header.Success ? header.Groups[1].Value : "note",
            Title = header.Success ? header.Groups[2].Value : first,
            Text = NullIfEmpty(rest),
            At = Timestamp(source["hs_timestamp"]) ?? source.CreatedAt,
            Entity = EntityLinks.Read(source),
        };
    }

    public override Dictionary<string, string?> Write(CrmActivityRecord record) => new(StringComparer.Ordinal)
    {
        ["hs_note_body"] = $"[{record.Type}] {record.Title}" + (string.IsNullOrEmpty(record.Text) ? "" : "\n" + record.Text),
        ["hs_timestamp"] = Timestamp(record.At),
    };

    public override Dictionary<string, string?> Links(CrmActivityRecord record) => EntityLinks.Write(record.Entity);

    [GeneratedRegex(@"^\[([a-z_]+)\] (.*)$")]
    private static partial Regex Header();
}
