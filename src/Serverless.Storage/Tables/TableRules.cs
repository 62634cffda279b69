using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Serverless.Storage.Errors;

namespace Serverless.Storage.Tables;

/// <summary>
/// Names, keys and sizes every adapter accepts, chosen to be valid for Azure Table storage, so a row that works on a
/// laptop also works in Azure. Keys are stored encoded by every adapter, so row key order is the same everywhere.
/// </summary>
internal static partial class TableRules
{
    public const int MaxKeyLength = 255;
    public const int MaxPageSize = 1000;

    /// <summary>Largest payload in characters: eight 32K-character string properties, 512 KiB as UTF-16, well
    /// inside Table storage's 1 MiB entity.</summary>
    public const int MaxValueChars = 256 * 1024;

    private const char Escape = '~';

    private static readonly SearchValues<char> Refused = SearchValues.Create("/\\#?~");

    [GeneratedRegex("^[a-z][a-z0-9]{2,62}$")]
    private static partial Regex TablePattern();

    public static void Table(string table)
    {
        // Azure table names are case-insensitive and "tables" is reserved; lowercase-only keeps SQLite and Azure alike.
        if (table is null || !TablePattern().IsMatch(table) || table == "tables")
        {
            throw new ArgumentException(
                $"Table name '{table}' is invalid: 3-63 lowercase letters or digits, starting with a letter (not 'tables').", nameof(table));
        }
    }

    public static void Row(string table, TableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Table(table);
        Key(row.PartitionKey, "partition key");
        Key(row.RowKey, "row key");
        ArgumentNullException.ThrowIfNull(row.Value);
        if (row.Value.Length > MaxValueChars)
        {
            throw new PayloadTooLargeException(table, row.RowKey, row.Value.Length, MaxValueChars);
        }
    }

    public static void Key(string value, string what)
    {
        // 512 encoded characters is 1 KiB as UTF-16, Table storage's key limit.
        if (string.IsNullOrEmpty(value) || value.Length > MaxKeyLength || EncodeKey(value).Length > 512)
        {
            throw new ArgumentException($"The {what} '{value}' is invalid: 1-{MaxKeyLength} characters (512 once encoded).", what);
        }
    }

    public static void PageSize(int pageSize)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"Page size must be 1..{MaxPageSize}.");
        }
    }

    /// <summary>Azure refuses / \ # ? and control characters in keys: each becomes "~XX" (hex), and "~" itself "~7E",
    /// so the encoding is reversible. Every other character is kept, so ASCII keys keep their order.</summary>
    public static string EncodeKey(string key)
    {
        if (!key.AsSpan().ContainsAny(Refused) && !key.Any(char.IsControl))
        {
            return key;
        }

        var encoded = new StringBuilder(key.Length + 8);
        foreach (var c in key)
        {
            if (char.IsControl(c) || Refused.Contains(c))
            {
                encoded.Append(Escape).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                encoded.Append(c);
            }
        }

        return encoded.ToString();
    }

    public static string DecodeKey(string stored)
    {
        if (!stored.Contains(Escape, StringComparison.Ordinal))
        {
            return stored;
        }

        var decoded = new StringBuilder(stored.Length);
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] == Escape && i + 2 < stored.Length && int.TryParse(stored.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                decoded.Append((char)code);
                i += 2;
            }
            else
            {
                decoded.Append(stored[i]);
            }
        }

        return decoded.ToString();
    }

}
