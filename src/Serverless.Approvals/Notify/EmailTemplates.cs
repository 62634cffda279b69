using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Serverless.Approvals.Notify;

/// <summary>The email templates shipped in Templates/ (embedded): {{name}} is replaced by the value, HTML-encoded in
/// .html templates; {{{name}}} by the value as is (fragments this project built and encoded itself).</summary>
public static partial class EmailTemplates
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Render(string name, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var html = name.EndsWith(".html", StringComparison.Ordinal);
        return Placeholder().Replace(Load(name), m =>
        {
            var raw = m.Groups["raw"].Success;
            var key = raw ? m.Groups["raw"].Value : m.Groups["name"].Value;
            var value = values.TryGetValue(key, out var v) ? v ?? "" : throw new InvalidOperationException($"Template {name} uses unknown value '{key}'.");
            return html && !raw ? HtmlText.Encode(value) : value;
        });
    }

    private static string Load(string name) => Cache.GetOrAdd(name, n =>
    {
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream($"Serverless.Approvals.Templates.{n}")
            ?? throw new InvalidOperationException($"No email template '{n}' is embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    [GeneratedRegex(@"\{\{\{(?<raw>[A-Za-z]+)\}\}\}|\{\{(?<name>[A-Za-z]+)\}\}")]
    private static partial Regex Placeholder();
}
