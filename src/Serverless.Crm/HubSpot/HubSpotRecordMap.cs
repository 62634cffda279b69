using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Connectors.HubSpot;
using Serverless.Crm.Data;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Crm.HubSpot;

/// <summary>How one record type of the CRM port lives in HubSpot: its object type, the properties and associations
/// read, and the two conversions. The associations a record points to (its organisation, a task's entity) are
/// <see cref="Links"/>: object type -> associated id (null: none).</summary>
internal abstract class HubSpotRecordMap<T>(string objectType) : IHubSpotRecordMap
    where T : CrmEntity
{
    public const string OwnerProperty = "hubspot_owner_id";

    public Type RecordType => typeof(T);

    public string ObjectType => objectType;

    public abstract IReadOnlyList<string> Properties { get; }

    public abstract IReadOnlyList<string> Associations { get; }

    public abstract T Read(HubSpotCrmObject source);

    public abstract Dictionary<string, string?> Write(T record);

    public abstract Dictionary<string, string?> Links(T record);

    CrmEntity IHubSpotRecordMap.Read(HubSpotCrmObject source) => Read(source);

    Dictionary<string, string?> IHubSpotRecordMap.Write(CrmEntity record) => Write((T)record);

    Dictionary<string, string?> IHubSpotRecordMap.Links(CrmEntity record) => Links((T)record);

    protected static string? First(HubSpotCrmObject source, string objectType) =>
        source.Associations.TryGetValue(objectType, out var ids) && ids.Count > 0 ? ids[0] : null;

    protected static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    protected static DateTimeOffset? Timestamp(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t
        : null;

    protected static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>The type-erased face of <see cref="HubSpotRecordMap{T}"/> the store dispatches on.</summary>
internal interface IHubSpotRecordMap
{
    Type RecordType { get; }

    string ObjectType { get; }

    IReadOnlyList<string> Properties { get; }

    IReadOnlyList<string> Associations { get; }

    CrmEntity Read(HubSpotCrmObject source);

    Dictionary<string, string?> Write(CrmEntity record);

    Dictionary<string, string?> Links(CrmEntity record);
}

/// <summary>What organisations, deals and people share: owner, tags (one ';'-separated property) and the configured
/// extra properties as fields (a number-looking value becomes a JSON number, so conditions compare numbers).</summary>
internal abstract class HubSpotBusinessMap<T>(string objectType, HubSpotCrmOptions options, IReadOnlyList<string> fields)
    : HubSpotRecordMap<T>(objectType)
    where T : CrmBusinessEntity
{
    protected HubSpotCrmOptions Options => options;

    protected IReadOnlyList<string> CommonProperties =>
        [OwnerProperty, .. string.IsNullOrWhiteSpace(options.TagsProperty) ? Array.Empty<string>() : [options.TagsProperty], .. fields];

    protected T ReadCommon(T record, HubSpotCrmObject source)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var text = source[field];
            values[field] = text is null ? null
                : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number)
                : JsonValue.Create(text);
        }

        var tags = string.IsNullOrWhiteSpace(options.TagsProperty) ? null : source[options.TagsProperty];
        return record with
        {
            Id = source.Id,
            CreatedAt = source.CreatedAt,
            UpdatedAt = source.UpdatedAt,
            OwnerId = NullIfEmpty(source[OwnerProperty]),
            Tags = tags is null ? [] : [.. tags.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Fields = values,
        };
    }

    protected Dictionary<string, string?> WriteCommon(T record, Dictionary<string, string?> properties)
    {
        properties[OwnerProperty] = record.OwnerId ?? "";
        if (!string.IsNullOrWhiteSpace(options.TagsProperty))
        {
            properties[options.TagsProperty] = string.Join(';', record.Tags);
        }
        else if (record.Tags.Count > 0)
        {
            throw new ActivityException(ErrorKinds.Validation,
                $"HubSpot has no tags: set {HubSpotCrmOptions.SectionName}:TagsProperty to the property that holds them.");
        }

        foreach (var (name, value) in record.Fields)
        {
            properties[name] = value switch
            {
                null => "",
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => value.ToJsonString(),
            };
        }

        return properties;
    }
}
