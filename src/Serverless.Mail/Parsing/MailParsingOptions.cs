namespace Serverless.Mail.Parsing;

/// <summary>Settings section "Mail:Parsing": how much of a message is read, and which attachments are refused.</summary>
public sealed class MailParsingOptions
{
    public const string SectionName = "Mail:Parsing";

    /// <summary>The extensions refused when <see cref="RefusedExtensions"/> is left empty.</summary>
    public static readonly IReadOnlyList<string> DefaultRefusedExtensions =
    [
        ".exe", ".bat", ".cmd", ".com", ".scr", ".pif", ".vbs", ".vbe", ".js", ".jse",
        ".jar", ".msi", ".ps1", ".hta", ".cpl", ".dll", ".lnk", ".iso", ".reg", ".wsf",
    ];

    /// <summary>An attachment larger than this (decoded) is refused.</summary>
    public long MaxAttachmentBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Once the accepted attachments add up to this, the next ones are refused.</summary>
    public long MaxTotalAttachmentBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Attachments after this many are refused.</summary>
    public int MaxAttachments { get; set; } = 50;

    /// <summary>Refused file extensions (".exe" or "exe", any letter case); empty means <see cref="DefaultRefusedExtensions"/>.</summary>
    /// <remarks>Configuration binding adds to a list, so the defaults are not in the list itself.</remarks>
    public List<string> RefusedExtensions { get; set; } = [];

    /// <summary>The text of a message is cut after this many characters (a Problems entry says so).</summary>
    public int MaxBodyChars { get; set; } = 100_000;

    /// <summary>MIME parts looked at at most; the walk stops after this many (a Problems entry says so).</summary>
    public int MaxParts { get; set; } = 2_000;

    /// <summary>The refused extensions in effect: lower case, each starting with a dot.</summary>
    public IReadOnlySet<string> EffectiveRefusedExtensions()
    {
        var source = RefusedExtensions.Count == 0 ? DefaultRefusedExtensions : RefusedExtensions;
        return source
            .Where(e => !string.IsNullOrWhiteSpace(e))
            .Select(e => e.Trim().ToLowerInvariant())
            .Select(e => e.StartsWith('.') ? e : "." + e)
            .ToHashSet(StringComparer.Ordinal);
    }
}
