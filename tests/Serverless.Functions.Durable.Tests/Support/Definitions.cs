using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Definitions;
using Serverless.Engine.Loading;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Durable.Tests.Support;

/// <summary>Definitions written as users write them and read by the real loader.</summary>
public static class Definitions
{
    public static WorkflowDefinition Parse(string json)
    {
        var result = new WorkflowDefinitionLoader().Load(json, "test");
        result.Problems.Should().BeEmpty();
        return result.Definition!;
    }

    public static IServiceCollection AddDefinition(this IServiceCollection services, string json) =>
        services.AddWorkflowDefinition(Parse(json));
}
