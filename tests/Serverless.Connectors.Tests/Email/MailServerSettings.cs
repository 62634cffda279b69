using System.Globalization;

namespace Serverless.Connectors.Tests.Email;

/// <summary>The local mail servers from scripts/mail-services.sh (exported in .services/env). Missing: the test fails
/// naming the variable, never skips.</summary>
public sealed record MailServerSettings(string SmtpHost, int SmtpPort, string ImapHost, int ImapPort, string User, string Password)
{
    public static MailServerSettings FromEnvironment() => new(
        Get("SERVERLESS_TEST_SMTP_HOST"),
        int.Parse(Get("SERVERLESS_TEST_SMTP_PORT"), CultureInfo.InvariantCulture),
        Get("SERVERLESS_TEST_IMAP_HOST"),
        int.Parse(Get("SERVERLESS_TEST_IMAP_PORT"), CultureInfo.InvariantCulture),
        Get("SERVERLESS_TEST_IMAP_USER"),
        Get("SERVERLESS_TEST_IMAP_PASSWORD"));

    private static string Get(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: start the local mail servers with `scripts/mail-services.sh up` and `source .services/env`.");
}
