using System.Globalization;
using System.Text;

namespace Serverless.Runtime.Store;

/// <summary>Keyset position after the last instance of a listing page: its creation time and id, opaque to callers.</summary>
internal sealed record InstanceCursor(long CreatedMs, string Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CreatedMs.ToString(CultureInfo.InvariantCulture)}|{Id}"));

    /// <summary>Null for no token; a token this server did not issue throws <see cref="ArgumentException"/>.</summary>
    public static InstanceCursor? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.Integer, CultureInfo.InvariantCulture, out var created))
            {
                return new InstanceCursor(created, text[(bar + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Reported below as the same error as a token that decodes to nonsense.
        }

        throw new ArgumentException("The continuation token is not valid.", nameof(token));
    }
}
