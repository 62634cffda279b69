using System.Globalization;
using System.Text;
using MimeKit;

namespace Serverless.Mail.Parsing;

/// <summary>File names of attachments made safe to show and store.</summary>
internal static class AttachmentNames
{
    public const int MaxLength = 200;

    /// <summary>
    /// No path parts, no control or invisible formatting characters (the right-to-left override of "invoice\u202Efdp.exe"),
    /// no leading or trailing dots and spaces, at most <see cref="MaxLength"/> characters keeping the extension;
    /// "attachment-{index}" plus an extension from the content type when nothing is left.
    /// </summary>
    public static string Sanitize(string? fileName, int partIndex, string mimeType)
    {
        var name = fileName ?? "";
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        var clean = new StringBuilder(Math.Min(name.Length, 1024));
        foreach (var c in name)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
                || c is ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                continue;
            }

            clean.Append(char.IsWhiteSpace(c) ? ' ' : c);
            if (clean.Length > 4 * MaxLength)
            {
                break;
            }
        }

        name = clean.ToString().Trim().Trim('.', ' ');
        if (name.Length == 0)
        {
            name = "attachment-" + partIndex.ToString(CultureInfo.InvariantCulture)
                + (MimeTypes.TryGetExtension(mimeType, out var extension) ? extension : "");
        }

        if (name.Length > MaxLength)
        {
            var ext = Path.GetExtension(name);
            if (ext.Length is 0 or > 16)
            {
                ext = "";
            }

            name = name[..(MaxLength - ext.Length)].TrimEnd('.', ' ') + ext;
        }

        return name;
    }

    /// <summary>The last extension, lower case (".exe" of "invoice.pdf.exe"); "" when there is none.</summary>
    public static string LastExtension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name[dot..].ToLowerInvariant();
    }

    /// <summary>Whether the name carries an extension before its last one ("invoice.pdf.exe").</summary>
    public static bool HasDoubleExtension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 && name.LastIndexOf('.', dot - 1) > 0;
    }
}
