using Microsoft.Extensions.Options;
using MimeKit;
using Serverless.Mail.Parsing;

namespace Serverless.Mail.Tests.Parsing;

/// <summary>The .eml files under Fixtures/, written the way the named clients send them.</summary>
internal static class Fixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static MimeMessage Load(string name)
    {
        using var stream = new MemoryStream(Bytes(name), writable: false);
        return EmailParser.Load(stream);
    }

    public static ParsedEmail Parse(string name, MailParsingOptions? options = null) =>
        Parser(options).Parse(Load(name));

    public static EmailParser Parser(MailParsingOptions? options = null) =>
        new(Options.Create(options ?? new MailParsingOptions()));
}
