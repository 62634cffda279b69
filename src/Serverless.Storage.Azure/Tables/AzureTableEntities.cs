using Azure.Data.Tables;
using Serverless.Storage.Tables;

namespace Serverless.Storage.Azure.Tables;

/// <summary>Maps rows to entities: keys encoded, the value split over string properties of at most 32K characters
/// (Table storage's 64 KiB per property), expiry always present so queries can filter on it server-side.</summary>
internal static class AzureTableEntities
{
    public const string ExpiresAt = nameof(ExpiresAt);
    private const string Value = nameof(Value);
    private const int ChunkChars = 32 * 1024;

    /// <summary>Table storage cannot filter on a missing property, so "never" is the latest date it can store.</summary>
    public static readonly DateTimeOffset Never = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static TableEntity ToEntity(TableRow row)
    {
        var entity = new TableEntity(TableRules.EncodeKey(row.PartitionKey), TableRules.EncodeKey(row.RowKey))
        {
            // Millisecond precision, as the SQLite adapter stores it.
            [ExpiresAt] = row.ExpiresAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()) : Never,
        };
        var text = row.Value;
        var start = 0;
        for (var part = 0; part == 0 || start < text.Length; part++)
        {
            var length = Math.Min(ChunkChars, text.Length - start);
            // Never split a surrogate pair: half of one cannot be sent as UTF-8.
            if (length > 0 && start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            entity[part == 0 ? Value : Value + part] = text.Substring(start, length);
            start += length;
        }

        return entity;
    }

    public static TableRow FromEntity(TableEntity entity)
    {
        var value = entity.GetString(Value) ?? "";
        for (var part = 1; entity.GetString(Value + part) is { } next; part++)
        {
            value += next;
        }

        return new TableRow(TableRules.DecodeKey(entity.PartitionKey), TableRules.DecodeKey(entity.RowKey), value,
            Expiry(entity), entity.ETag.ToString());
    }

    public static DateTimeOffset? Expiry(TableEntity entity) =>
        entity.GetDateTimeOffset(ExpiresAt) is { } at && at < Never ? at : null;

    public static bool IsLive(TableEntity entity, DateTimeOffset now) => Expiry(entity) is not { } at || at > now;
}
