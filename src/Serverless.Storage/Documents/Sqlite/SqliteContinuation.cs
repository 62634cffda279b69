using System.Globalization;
using System.Text;

namespace Serverless.Storage.Documents.Sqlite;

/// <summary>
/// Opaque continuation token of the SQLite adapter: the offset of the next page in the query's order (ties broken
/// by id). A document inserted or deleted between pages can shift a page by one item, as with any offset paging.
/// </summary>
internal static class SqliteContinuation
{
    private const string Prefix = "sqlite:v1:";

    public static string Encode(long offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    public static long Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException("The continuation token was not issued by this store.", nameof(token));
    }
}
