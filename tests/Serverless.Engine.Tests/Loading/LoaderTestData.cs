using System.Runtime.CompilerServices;
using Serverless.Engine.Loading;

namespace Serverless.Engine.Tests.Loading;

/// <summary>Builds small definitions around the steps under test, and finds the fixture and shipped files.</summary>
internal static class LoaderTestData
{
    public static WorkflowDefinitionLoader Loader { get; } = new(new LoaderOptions());

    /// <summary>A definition with a manual trigger and the given step objects (JSON text).</summary>
    public static string Definition(params string[] steps) =>
        $$"""{"id":"test.flow","version":1,"triggers":[{"type":"manual"}],"steps":[{{string.Join(",", steps)}}]}""";

    public static string WithTrigger(string trigger) =>
        $$"""{"id":"test.flow","triggers":[{{trigger}}],"steps":[{"id":"only","type":"emit","channel":"c"}]}""";

    public static DefinitionLoadResult Load(string json) => Loader.Load(json, "test.json");

    public static DefinitionLoadResult LoadSteps(params string[] steps) => Load(Definition(steps));

    /// <summary>Fixtures are read from the source tree: the test project does not copy them to the output folder.</summary>
    public static string FixturesFolder([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Fixtures");

    public static string OutputFolder(string name) => Path.Combine(AppContext.BaseDirectory, name);

    public static IEnumerable<string> Fixtures() => Directory.EnumerateFiles(FixturesFolder(), "*.json").Order(StringComparer.Ordinal);

    /// <summary>The definitions under workflows/ (copied to shipped-workflows/ by the project file).</summary>
    public static IEnumerable<string> ShippedWorkflows() => JsonFilesIn(OutputFolder("shipped-workflows"));

    /// <summary>The example definitions of the documentation (docs/examples, copied to examples/).</summary>
    public static IEnumerable<string> DocumentationExamples() => JsonFilesIn(OutputFolder("examples"));

    private static IEnumerable<string> JsonFilesIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];
}
