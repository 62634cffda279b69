using Serverless.Engine.Loading;

namespace Serverless.Engine.Tests.Loading;

internal static class ProblemAssertions
{
    /// <summary>Asserts the load failed with a problem at <paramref name="path"/> whose sentence contains
    /// <paramref name="word"/>, and returns that problem.</summary>
    public static DefinitionProblem ShouldHaveProblem(this DefinitionLoadResult result, string path, string word)
    {
        result.Succeeded.Should().BeFalse();
        result.Definition.Should().BeNull();
        var atPath = result.Problems.Where(p => p.Path == path).ToList();
        atPath.Should().NotBeEmpty($"a problem at {path} was expected, but the problems were:\n{string.Join("\n", result.Problems)}");
        var match = atPath.FirstOrDefault(p => p.Message.Contains(word, StringComparison.OrdinalIgnoreCase));
        match.Should().NotBeNull($"a problem at {path} mentioning '{word}' was expected, but the problems were:\n{string.Join("\n", result.Problems)}");
        return match!;
    }

    public static void ShouldSucceed(this DefinitionLoadResult result)
    {
        result.Problems.Should().BeEmpty(string.Join("\n", result.Problems));
        result.Definition.Should().NotBeNull();
        result.Succeeded.Should().BeTrue();
    }
}
