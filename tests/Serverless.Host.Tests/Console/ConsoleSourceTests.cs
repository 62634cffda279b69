using System.Text.RegularExpressions;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Console;

/// <summary>The console's scripts never turn text into markup or code: every value goes through h() as a text node
/// (console/core/dom.js). A new page that reaches for innerHTML fails here, not in a penetration test.</summary>
public sealed partial class ConsoleSourceTests
{
    private static readonly string ConsoleFolder = Path.Combine(RepositoryPaths.Root, "console");

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ConsoleFolder, "*.js", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(ConsoleFolder, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void AScript_UsesNoApiThatTurnsTextIntoMarkupOrCode(string script)
    {
        var lines = File.ReadAllLines(Path.Combine(ConsoleFolder, script));

        var offending = lines.Select((line, i) => (Line: i + 1, Text: line))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && Banned().IsMatch(l.Text)
                && !l.Text.Contains("// console-allow:", StringComparison.Ordinal))
            .Select(l => $"{script}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offending.Should().BeEmpty("values are put in text nodes with h(); markup and code from strings are how a hostile step output would run");
    }

    [Fact]
    public void EverySystemFolder_IsListedOnce_AndHasItsMessages()
    {
        var systems = File.ReadAllText(Path.Combine(ConsoleFolder, "systems.js"));
        var folders = Directory.EnumerateDirectories(Path.Combine(ConsoleFolder, "systems")).Select(Path.GetFileName).ToList();

        folders.Should().NotBeEmpty();
        foreach (var folder in folders)
        {
            systems.Should().Contain($"'./systems/{folder}/index.js'", $"systems/{folder} must be listed in console/systems.js");
            File.Exists(Path.Combine(ConsoleFolder, "systems", folder!, "messages.js")).Should().BeTrue($"systems/{folder} keeps its texts in messages.js");
        }
    }

    /// <summary>Markup or code from strings, and addresses set around h()'s safeUrl (a line may be allowed with a
    /// trailing "// console-allow: why").</summary>
    [GeneratedRegex(@"\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\s*\(|new\s+Function\s*\(|createContextualFragment|srcdoc|setTimeout\s*\(\s*['""`]|setAttribute\(\s*['""](href|src|action|formaction|style|on\w+)['""]|\.(href|src|action)\s*=(?!=)|location\.(assign|replace)\s*\(|\blocation(\.href)?\s*=(?!=))")]
    private static partial Regex Banned();
}
