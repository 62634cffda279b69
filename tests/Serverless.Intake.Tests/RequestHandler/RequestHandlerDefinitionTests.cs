using Serverless.Engine.Definitions;
using Serverless.Engine.Loading;
using Serverless.Intake.RequestHandler;
using Serverless.Intake.Tests.Support;

namespace Serverless.Intake.Tests.RequestHandler;

public sealed class RequestHandlerDefinitionTests
{
    [Fact]
    public void Load_ShippedDefinition_HasNoProblemAndOnlyRegisteredActivities()
    {
        var loader = new WorkflowDefinitionLoader(new LoaderOptions { KnownActivities = RequestHandlerNames.Activities.ToHashSet() });

        var result = loader.Load(File.ReadAllText(RepositoryPaths.Workflow), "workflows/request-handler.json");

        result.Problems.Select(p => $"{p.Path}: {p.Message}").Should().BeEmpty();
        result.Definition!.Id.Should().Be(RequestHandlerNames.WorkflowId);
        result.Definition.Steps.Select(s => s.Id).Should().Equal(
            "classify", "filesNeeded", "contact", "contactOutcome", "ticket", "subtaskNeeded", "notify");
        result.Definition.Steps.OfType<ActivityStep>().Single(s => s.Id == "contact").OnError.Should().Be(OnErrorPolicies.Continue);
    }
}
