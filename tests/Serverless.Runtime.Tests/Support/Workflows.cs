using Serverless.Engine.Definitions;
using Serverless.Engine.Loading;

namespace Serverless.Runtime.Tests.Support;

/// <summary>Definitions for the tests, written as users write them and read by the real loader.</summary>
public static class Workflows
{
    public static WorkflowDefinition Parse(string json)
    {
        var result = new WorkflowDefinitionLoader().Load(json, "test");
        result.Problems.Should().BeEmpty();
        return result.Definition!;
    }
}
