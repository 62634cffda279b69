using Serverless.Host.Tests.Support;
using System.Text.RegularExpressions;

namespace Serverless.Host.Tests.Configuration;

/// <summary>The README's two commands are shell scripts that call other scripts: a script that calls one that no
/// longer exists breaks a newcomer's first step (scripts/run.sh once called a retired scripts/local-feed.sh).</summary>
public sealed partial class ScriptReferenceTests
{
    [GeneratedRegex(@"scripts/[A-Za-z0-9_.-]+\.sh")]
    private static partial Regex ScriptPath();

    [Fact]
    public void EveryScriptTheScriptsAndTheReadmeCall_Exists()
    {
        var root = RepositoryPaths.Root;
        var callers = Directory.GetFiles(Path.Combine(root, "scripts"), "*.sh")
            .Append(Path.Combine(root, ".ci", "run"))
            .Append(Path.Combine(root, "README.md"));

        var missing = (from caller in callers
                       from match in ScriptPath().Matches(File.ReadAllText(caller))
                       where !File.Exists(Path.Combine(root, match.Value))
                       select $"{Path.GetRelativePath(root, caller)} -> {match.Value}").Distinct().ToList();

        missing.Should().BeEmpty();
        callers.Should().Contain(c => c.EndsWith("run.sh", StringComparison.Ordinal));
    }
}
