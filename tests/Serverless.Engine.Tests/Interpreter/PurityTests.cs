using Serverless.Engine.Interpreter;

namespace Serverless.Engine.Tests.Interpreter;

public class PurityTests
{
    [Fact]
    public void EngineAssembly_ReferencesOnlyTheBaseLibraryAndTheCronParser()
    {
        var references = typeof(WorkflowInterpreter).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Should().OnlyContain(name => name.StartsWith("System.", StringComparison.Ordinal) || name == "System" || name == "netstandard" || name == "NCrontab.Signed");
        references.Should().NotContain(name => name.Contains("Http", StringComparison.Ordinal) || name.Contains("Sqlite", StringComparison.Ordinal) || name.Contains("IO.FileSystem", StringComparison.Ordinal));
    }

    [Fact]
    public void BannedSymbols_CoverClocksRandomnessAndIo()
    {
        var banned = File.ReadAllText(Path.Combine(RepoRoot(), "src", "Serverless.Engine", "BannedSymbols.txt"));

        banned.Should().Contain("P:System.DateTime.UtcNow").And.Contain("P:System.DateTimeOffset.UtcNow")
            .And.Contain("M:System.Guid.NewGuid").And.Contain("T:System.Random").And.Contain("T:System.IO.File")
            .And.Contain("T:System.Net.Http.HttpClient").And.Contain("T:System.Threading.Tasks.Task");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Serverless.sln not found above the test folder.");
    }
}
