using System.Text.Json;
using System.Text.Json.Nodes;
using System.Reflection;

namespace Serverless.Functions.Tests.Source;

/// <summary>The functions.metadata the Worker SDK's generator writes into functions/'s build output is what the
/// Functions host indexes: it must list every function the source declares, with the same trigger, route, methods
/// and schedule (so the Roslyn route-parity tests speak for what Azure will actually serve).</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonArray Metadata = Load();

    [Fact]
    public void Metadata_ListsExactlyTheDeclaredFunctions()
    {
        Names().Should().BeEquivalentTo(FunctionsSource.Functions.Select(f => f.Name));
    }

    [Fact]
    public void Metadata_HttpTriggers_HaveTheDeclaredRoutesAndMethods()
    {
        foreach (var declared in FunctionsSource.Functions.Where(f => f.Trigger == "HttpTrigger"))
        {
            var trigger = TriggerOf(declared.Name);
            trigger["type"]!.GetValue<string>().Should().Be("httpTrigger", declared.Name);
            trigger["route"]?.GetValue<string>().Should().Be(declared.Route, declared.Name);
            trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant())
                .Should().BeEquivalentTo(declared.Methods.Select(m => m.ToUpperInvariant()), declared.Name);
        }
    }

    [Fact]
    public void Metadata_DurableAndQueueFunctions_HaveTheirTriggers()
    {
        TriggerOf("WorkflowOrchestrator")["type"]!.GetValue<string>().Should().Be("orchestrationTrigger");
        foreach (var activity in new[] { "RunActivity", "SaveInstanceStatePart", "SaveInstanceState", "LoadInstanceStatePart", "EnqueueMessage" })
        {
            TriggerOf(activity)["type"]!.GetValue<string>().Should().Be("activityTrigger", activity);
        }

        var queue = TriggerOf("ChannelMessage");
        queue["type"]!.GetValue<string>().Should().Be("queueTrigger");
        queue["queueName"]!.GetValue<string>().Should().Be("%Channels:Queue:Name%");
        queue["connection"]!.GetValue<string>().Should().Be("AzureWebJobsStorage");
    }

    [Fact]
    public void Metadata_Timers_RunOnTheirSchedules()
    {
        TriggerOf("Scheduler")["schedule"]!.GetValue<string>().Should().Be("0 * * * * *", "due schedules are started once a minute");
        TriggerOf("Retention")["type"]!.GetValue<string>().Should().Be("timerTrigger");
        TriggerOf("StagingSweeper")["type"]!.GetValue<string>().Should().Be("timerTrigger");
    }

    private static IEnumerable<string> Names() => Metadata.Select(f => f!["name"]!.GetValue<string>());

    private static JsonObject TriggerOf(string name)
    {
        var function = Metadata.Single(f => f!["name"]!.GetValue<string>() == name)!;
        return function["bindings"]!.AsArray().Select(b => b!.AsObject())
            .Single(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal));
    }

    /// <summary>functions/bin/{configuration}/net10.0/functions.metadata, of the configuration this test was built in
    /// (the test project references functions/, so it is built first).</summary>
    private static JsonArray Load()
    {
        var configuration = typeof(FunctionsMetadataTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = RepositoryFiles.Path("functions", "bin", configuration, "net10.0", "functions.metadata");
        File.Exists(path).Should().BeTrue($"the Worker SDK writes {path} when functions/ builds");
        return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })!.AsArray();
    }
}
