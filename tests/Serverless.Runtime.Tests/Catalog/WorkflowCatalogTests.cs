using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serverless.Runtime.Catalog;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Catalog;

public sealed class WorkflowCatalogTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void Catalog_FolderWithTwoVersionsAndABrokenFile_KeepsEveryVersionAndReportsTheProblem()
    {
        File.WriteAllText(Path.Combine(folder.Path, "a-v1.json"), """{ "id": "a", "version": 1, "steps": [ { "type": "set", "id": "s", "variables": { "x": 1 } } ] }""");
        File.WriteAllText(Path.Combine(folder.Path, "a-v2.json"), """{ "id": "a", "version": 2, "steps": [ { "type": "set", "id": "s", "variables": { "x": 2 } } ] }""");
        File.WriteAllText(Path.Combine(folder.Path, "broken.json"), """{ "id": "b", "steps": [ { "type": "nope", "id": "s" } ] }""");
        var options = Options.Create(new WorkflowRuntimeOptions { WorkflowsFolder = folder.Path });

        var catalog = new WorkflowCatalog(options, [new WorkflowDefinitionRegistration(Workflows.Parse("""{ "id": "code", "steps": [ { "type": "set", "id": "s", "variables": { "x": 3 } } ] }"""))],
            NullLogger<WorkflowCatalog>.Instance);

        catalog.List().Select(d => (d.Id, d.Version)).Should().Equal(("a", 2), ("code", 1));
        catalog.Versions("a").Select(d => d.Version).Should().Equal(1, 2);
        catalog.Find("a", 1)!.Version.Should().Be(1);
        catalog.Find("missing").Should().BeNull();
        catalog.Problems.Should().Contain(p => p.Source.Contains("broken", StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();
}
