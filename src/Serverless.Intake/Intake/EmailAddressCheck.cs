using System.Globalization;
using System.Text;

namespace Serverless.Intake.Intake;

/// <summary>What makes a syntactically valid address unfit to be passed on to a CRM and into an admin's email:
/// invisible and control characters (a U+202E turns the rest of the line around), address literals
/// (a@[127.0.0.1]), full-width or other compatibility forms, and parts that mix letters of two scripts.</summary>
internal static class EmailAddressCheck
{
    public const string MixedScriptFlag = "mixed-script";

    /// <summary>The reason the address is refused whatever the settings, or null.</summary>
    public static string? Refusal(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        foreach (var rune in address.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate)
            {
                return $"it contains the invisible or control character U+{rune.Value:X4}";
            }
        }

        var at = address.LastIndexOf('@');
        if (at >= 0 && address.AsSpan(at + 1).StartsWith("["))
        {
            return "address literals such as user@[127.0.0.1] are not accepted; give a domain name";
        }

        if (!address.IsNormalized(NormalizationForm.FormKC))
        {
            return $"it contains full-width or compatibility characters; write it as \"{Truncate(address.Normalize(NormalizationForm.FormKC))}\"";
        }

        return null;
    }

    /// <summary>True when a dot- or @-separated part mixes letters of more than one script. Each part may be in any
    /// one script (иван@пример.рф is fine); the Japanese scripts count as one.</summary>
    public static bool MixesScripts(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        foreach (var part in address.Split('@', '.'))
        {
            string? first = null;
            foreach (var rune in part.EnumerateRunes())
            {
                if (!Rune.IsLetter(rune))
                {
                    continue;
                }

                var script = Script(rune.Value);
                first ??= script;
                if (script != first)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Script(int c) => c switch
    {
        <= 0x024F or (>= 0x1E00 and <= 0x1EFF) or (>= 0x2C60 and <= 0x2C7F) or (>= 0xA720 and <= 0xA7FF) or (>= 0xAB30 and <= 0xAB6F) => "Latin",
        (>= 0x0370 and <= 0x03FF) or (>= 0x1F00 and <= 0x1FFF) => "Greek",
        (>= 0x0400 and <= 0x052F) or (>= 0x1C80 and <= 0x1C8F) or (>= 0x2DE0 and <= 0x2DFF) or (>= 0xA640 and <= 0xA69F) => "Cyrillic",
        >= 0x0530 and <= 0x058F => "Armenian",
        >= 0x0590 and <= 0x05FF => "Hebrew",
        (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x08A0 and <= 0x08FF) => "Arabic",
        (>= 0x3040 and <= 0x30FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0x31F0 and <= 0x31FF) => "Han/Kana",
        (>= 0x1100 and <= 0x11FF) or (>= 0xAC00 and <= 0xD7AF) => "Hangul",
        // Elsewhere, the 128-code-point block stands for the script: coarse, but never mistakes Latin for another.
        _ => $"block-{c >> 7:X}",
    };

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
