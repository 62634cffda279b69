using System.Text;
using MimeKit;

namespace Serverless.Mail.Parsing;

public sealed partial class EmailParser
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The declared charset's encoding, or null (then UTF-8, else ISO-8859-1, as MimeKit does) with a Problem.</summary>
    private static Encoding? ReadCharset(TextPart part, ParseState state)
    {
        var charset = part.ContentType.Charset?.Trim();
        if (string.IsNullOrEmpty(charset))
        {
            return null;
        }

        var name = charset.Length > 40 ? charset[..40] : charset;
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).ToLowerInvariant();
        state.AddCharset(name);
        Encoding? encoding;
        try
        {
            encoding = part.ContentType.CharsetEncoding;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            encoding = null;
        }

        if (encoding is null)
        {
            state.Problem($"The charset '{name}' of a text part is unknown; it was read as UTF-8, or as ISO-8859-1 where that failed.");
        }

        return encoding;
    }

    /// <summary>Decoded text of the part, at most <paramref name="maxChars"/> characters (<paramref name="cut"/> says if there was more).</summary>
    private static string ReadText(TextPart part, int maxChars, Encoding? encoding, ParseState state, out bool cut)
    {
        cut = false;
        if (part.Content is null || maxChars <= 0)
        {
            cut = maxChars <= 0 && part.Content is not null;
            return "";
        }

        // A character takes at most 4 bytes in the charsets mail uses, so this many bytes always hold maxChars characters.
        var maxBytes = (long)maxChars * 4;
        using var decoded = part.Content.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = decoded.Read(chunk, 0, chunk.Length)) > 0)
        {
            var room = (int)Math.Min(n, maxBytes - buffer.Length);
            buffer.Write(chunk, 0, room);
            if (room < n)
            {
                cut = true;
                break;
            }
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (cut && (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage))
        {
            // The cut may split a character; its first bytes alone are not UTF-8 and would turn the whole text into ISO-8859-1.
            bytes = bytes[..WholeUtf8Length(bytes)];
        }

        string text;
        if (encoding is not null)
        {
            text = encoding.GetString(bytes);
        }
        else
        {
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.Latin1.GetString(bytes);
                if (part.ContentType.Charset is null)
                {
                    state.Problem("A text part without a charset was not UTF-8; it was read as ISO-8859-1.");
                }
            }
        }

        if (text.Length > maxChars)
        {
            cut = true;
            text = text[..maxChars];
        }

        return text;
    }

    /// <summary>The length of <paramref name="bytes"/> without a last UTF-8 sequence that is not complete.</summary>
    private static int WholeUtf8Length(ReadOnlySpan<byte> bytes)
    {
        var lead = bytes.Length - 1;
        while (lead >= 0 && bytes.Length - lead <= 3 && (bytes[lead] & 0xC0) == 0x80)
        {
            lead--;
        }

        if (lead < 0)
        {
            return bytes.Length;
        }

        var b = bytes[lead];
        var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return bytes.Length - lead < length ? lead : bytes.Length;
    }
}
