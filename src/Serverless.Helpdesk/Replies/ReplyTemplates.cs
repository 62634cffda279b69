using System.Text.Json.Nodes;
using HandlebarsDotNet;
using Microsoft.Extensions.Options;
using Serverless.Helpdesk.Rules;
using Serverless.Runtime.Hosting;

namespace Serverless.Helpdesk.Replies;

/// <summary>
/// The Handlebars templates of Helpdesk:TemplatesFolder: top-level *.hbs files are templates by name ("reply",
/// "clarification", "notes/exam-date-passed", ...), partials/**.hbs are partials by relative name
/// ("intentions/confirmation_session"). All are checked when first loaded (<see cref="TemplateCheck"/>): a
/// template naming an unknown variable or partial stops the host at start, naming the file and line. Values are
/// HTML-escaped by {{x}} (a candidate's text cannot inject markup into a draft).
/// </summary>
public sealed partial class ReplyTemplates(IOptions<HelpdeskOptions> options, HelpdeskRules rules)
{
    private readonly Lazy<IReadOnlyDictionary<string, HandlebarsTemplate<object, object>>> _templates = new(() => Load(options.Value.TemplatesFolder, rules));

    public IReadOnlyCollection<string> Names => _templates.Value.Keys.ToList();

    public string Render(string name, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return _templates.Value.TryGetValue(name, out var template)
            ? BlankLines().Replace(template(Plain(variables)!), "\n")
            : throw new RulesException($"No reply template '{name}' in {options.Value.TemplatesFolder} (templates: {string.Join(", ", _templates.Value.Keys)}).");
    }

    /// <summary>Loads and checks every template; throws one <see cref="RulesException"/> listing every problem.</summary>
    public static IReadOnlyDictionary<string, HandlebarsTemplate<object, object>> Load(string folder, HelpdeskRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var root = RepositoryFiles.ResolveFolder(folder)
            ?? throw new RulesException($"{folder}: the templates folder was not found (setting Helpdesk:TemplatesFolder).");
        var partialRoot = Path.Combine(root, "partials");
        var files = Directory.EnumerateFiles(root, "*.hbs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var partials = files.Where(f => f.StartsWith(partialRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToDictionary(f => Name(partialRoot, f), File.ReadAllText, StringComparer.Ordinal);
        var templates = files.Where(f => !f.StartsWith(partialRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToDictionary(f => Name(root, f), File.ReadAllText, StringComparer.Ordinal);
        var labels = rules.Intents.Labels.Select(l => l.Label).ToHashSet(StringComparer.Ordinal);
        var partialNames = partials.Keys.ToHashSet(StringComparer.Ordinal);
        var problems = files.SelectMany(f => TemplateCheck.Problems(Path.Combine(folder, Path.GetRelativePath(root, f)), File.ReadAllText(f), partialNames, labels)).ToList();
        if (problems.Count > 0)
        {
            throw new RulesException(string.Join(Environment.NewLine, problems));
        }

        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        foreach (var (name, source) in partials)
        {
            handlebars.RegisterTemplate(name, source);
        }

        return templates.ToDictionary(t => t.Key, t => handlebars.Compile(t.Value), StringComparer.Ordinal);
    }

    private static string Name(string root, string file) =>
        Path.ChangeExtension(Path.GetRelativePath(root, file), null).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>JSON as the plain dictionaries and lists Handlebars.Net walks.</summary>
    private static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(Plain).ToList(),
        JsonValue value when value.TryGetValue<bool>(out var b) => b,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number =>
            double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    /// <summary>Blocks left out leave empty lines behind; a draft keeps one line break between parts.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\n(\s*\n)+", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex BlankLines();
}
