using System.Security.Cryptography;
using System.Text;

namespace Serverless.Intake.Intake;

/// <summary>The idempotency key of a request: the Idempotency-Key header when sent, else the SHA-256 of the
/// normalised payload (trimmed text, lower-cased source and email, unified line ends, each file's name and
/// content hash or URL), so a form posted twice by a double click or a webhook retry is one ticket.</summary>
internal static class RequestFingerprint
{
    public static string Key(string? header, IntakeSubmission submission, bool dryRun)
    {
        var prefix = dryRun ? "dry:" : "";
        return string.IsNullOrWhiteSpace(header)
            ? $"{prefix}payload:{PayloadHash(submission)}"
            : $"{prefix}header:{Hex(header.Trim())}";
    }

    public static string PayloadHash(IntakeSubmission s)
    {
        var text = new StringBuilder()
            .Append(Norm(s.Field(IntakeFields.Source)).ToLowerInvariant()).Append('\n')
            .Append(Norm(s.Field(IntakeFields.Objet))).Append('\n')
            .Append(Norm(s.Field(IntakeFields.Description))).Append('\n')
            .Append(Norm(s.Field(IntakeFields.UserEmail)).ToLowerInvariant()).Append('\n')
            .Append(Norm(s.Field(IntakeFields.UserName))).Append('\n');
        foreach (var file in s.Files)
        {
            text.Append("file:").Append(file.Name).Append(':').Append(file.Staged?.Sha256 ?? file.Url).Append('\n');
        }

        return Hex(text.ToString());
    }

    private static string Norm(string? value) => (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
