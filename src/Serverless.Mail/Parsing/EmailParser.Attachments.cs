using System.Globalization;
using MimeKit;

namespace Serverless.Mail.Parsing;

public sealed partial class EmailParser
{
    private void AddAttachment(MimePart part, int partIndex, ParseState state)
    {
        var mimeType = part.ContentType.MimeType.ToLowerInvariant();
        var fileName = AttachmentNames.Sanitize(part.FileName, partIndex, mimeType);
        var size = DecodedSize(part, settings.MaxAttachmentBytes);
        var reason = RefusalReason(fileName, size, state);
        if (reason is null)
        {
            state.AcceptedBytes += size;
        }

        state.Attachments.Add(new ParsedAttachment(fileName, mimeType, size, reason is not null, reason, partIndex));
    }

    private string? RefusalReason(string fileName, long size, ParseState state)
    {
        var extension = AttachmentNames.LastExtension(fileName);
        if (refusedExtensions.Contains(extension))
        {
            return AttachmentNames.HasDoubleExtension(fileName)
                ? $"Files of type {extension} are refused, and this name hides it behind a second extension."
                : $"Files of type {extension} are refused.";
        }

        if (size > settings.MaxAttachmentBytes)
        {
            return $"It is larger than the {Bytes(settings.MaxAttachmentBytes)} allowed for one attachment.";
        }

        if (state.Attachments.Count >= settings.MaxAttachments)
        {
            return $"The message has more than {settings.MaxAttachments} attachments; the ones after that are refused.";
        }

        if (state.AcceptedBytes + size > settings.MaxTotalAttachmentBytes)
        {
            return $"It would take the message's attachments past the {Bytes(settings.MaxTotalAttachmentBytes)} allowed in all.";
        }

        return null;
    }

    /// <summary>
    /// The decoded size, counted by decoding (nothing is kept) up to <paramref name="cap"/> bytes; past the cap the
    /// decoding stops and the size is estimated from the encoded length, so a huge part costs no more than the cap.
    /// </summary>
    private static long DecodedSize(MimePart part, long cap)
    {
        if (part.Content is null)
        {
            return 0;
        }

        using var decoded = part.Content.Open();
        var buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = decoded.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += n;
            if (total > cap)
            {
                var encoded = part.Content.Stream is { CanSeek: true } raw ? raw.Length : total;
                var estimate = part.Content.Encoding == ContentEncoding.Base64 ? encoded / 4 * 3 : encoded;
                return Math.Max(total, estimate);
            }
        }

        return total;
    }

    private static string Bytes(long bytes) =>
        bytes % (1024 * 1024) == 0
            ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB"
            : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
