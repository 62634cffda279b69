extern alias functionsapp;

using System.Reflection;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.Hosting;
using Serverless.Api;
using Serverless.Api.Webhooks;
using Serverless.Approvals;
using Serverless.Approvals.Slack;
using Serverless.Connectors.DependencyInjection;
using Serverless.Engine.Definitions;
using Serverless.Engine.Loading;
using Serverless.Intake;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;
using Serverless.Storage.Azure;
using Serverless.Storage.Dedup;

namespace Serverless.Functions.Tests.Parity;

/// <summary>Every activity named by a workflow the Functions app ships (functions/Serverless.Functions.csproj) is
/// registered by the Functions composition: AddFunctionsApp, which functions/Program.cs calls and nothing else
/// but the worker's telemetry.</summary>
public sealed class WorkflowActivityParityTests : IDisposable
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("functions-activities-").FullName;

    [Fact]
    public void ProgramCs_RegistersServicesOnlyThroughAddFunctionsApp()
    {
        ProgramServiceCalls().Should().BeEquivalentTo(
            ["AddApplicationInsightsTelemetryWorkerService", "ConfigureFunctionsApplicationInsights", "AddFunctionsApp"],
            "the Durable test suites build the app from AddFunctionsApp, so a registration made beside it would go untested");
    }

    [Fact]
    public void TheFunctionsPackage_ShipsTheRequestHandler_AndNotTheDemos()
    {
        var shipped = ShippedWorkflows().Select(f => Path.GetRelativePath(RepositoryFiles.Path("workflows"), f).Replace('\\', '/')).ToList();

        shipped.Should().Contain("request-handler.json");
        shipped.Should().NotContain(f => f.StartsWith("demo/", StringComparison.Ordinal),
            "the demo activities (src/Serverless.Host/Demo) are registered by the embedded host only");
    }

    [Fact]
    public void EveryActivityOfAShippedWorkflow_IsRegisteredByTheFunctionsComposition()
    {
        var needed = ShippedActivities();
        needed.Should().NotBeEmpty();

        using var provider = FunctionsComposition();
        var registered = provider.GetRequiredService<ActivityRegistry>().Names;

        needed.Where(a => !registered.Contains(a.Activity)).Select(a => $"{a.Activity} ({a.Workflow})")
            .Should().BeEmpty("every activity a shipped workflow calls must be registered in functions/Program.cs's composition");
    }

    [Fact]
    public void TheDemoWorkflows_NeedActivitiesTheFunctionsAppLacks()
    {
        // Documents why they are excluded; when this fails, the exclusion in the csproj may be dropped.
        using var provider = FunctionsComposition();
        var registered = provider.GetRequiredService<ActivityRegistry>().Names;
        var demo = Activities(Directory.EnumerateFiles(RepositoryFiles.Path("workflows", "demo"), "*.json", SearchOption.AllDirectories));

        demo.Select(a => a.Activity).Should().Contain(a => !registered.Contains(a));
    }

    [Fact]
    public void SignedRoutes_OfTheFunctionsApp_ShareTheOneReplayGuardOverTheSharedDedupKeys()
    {
        using var provider = FunctionsComposition();

        var guard = provider.GetRequiredService<SignedRequestReplayGuard>();
        provider.GetRequiredService<IDedupKeys>().Should().BeOfType<TableDedupKeys>("the guard must see what every worker claimed");
        provider.GetRequiredService<SignedRequestReplayGuard>().Should().BeSameAs(guard);
        foreach (var handler in new[] { typeof(WebhookTriggerHandler), typeof(SlackInteractionHandler), typeof(IntakeApi).Assembly.GetType("Serverless.Intake.Intake.IntakeHandler", throwOnError: true)! })
        {
            handler.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Single().GetParameters()
                .Should().Contain(p => p.ParameterType == typeof(SignedRequestReplayGuard), $"{handler.Name} answers resends from the shared guard");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still open: the OS cleans the temp folder later.
        }
    }

    private ServiceProvider FunctionsComposition()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Runtime:DataFolder"] = dataFolder,
            ["Storage:DataFolder"] = dataFolder,
            // Local adapters: which store serves the activities does not change which activities exist.
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:Blobs:Provider"] = "files",
            ["Runtime:WorkflowsFolder"] = RepositoryFiles.Path("workflows"),
            ["Channels:Queue:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Approvals:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
        }).Build();
        // What FunctionsApplication.CreateBuilder provides before Program.cs's calls.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new FunctionsEnvironment(RepositoryFiles.Path("functions")));
        functionsapp::Serverless.Functions.FunctionsAppServiceCollectionExtensions.AddFunctionsApp(services, configuration);

        return services.BuildServiceProvider();
    }

    private sealed class FunctionsEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Serverless.Functions";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    /// <summary>Names of the extension methods called on builder.Services in functions/Program.cs, in order.</summary>
    private static List<string> ProgramServiceCalls()
    {
        var root = CSharpSyntaxTree.ParseText(RepositoryFiles.Read("functions", "Program.cs"), new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        var calls = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax && RootOf(i) == "builder.Services")
            .OrderBy(i => i.SpanStart)
            .Select(i => ((MemberAccessExpressionSyntax)i.Expression).Name.Identifier.Text)
            .ToList();
        calls.Should().NotBeEmpty("functions/Program.cs configures builder.Services");
        return calls;
    }

    /// <summary>The receiver a fluent chain starts from: "builder.Services" for builder.Services.AddX().AddY().</summary>
    private static string RootOf(InvocationExpressionSyntax call)
    {
        ExpressionSyntax expression = call;
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member })
        {
            expression = member.Expression;
        }

        return expression.ToString();
    }

    /// <summary>Workflow files the Functions project copies: its None items linked under workflows/, with their
    /// Include and Exclude globs.</summary>
    private static List<string> ShippedWorkflows()
    {
        var functions = RepositoryFiles.Path("functions");
        var items = XDocument.Load(Path.Combine(functions, "Serverless.Functions.csproj")).Descendants("None")
            .Where(n => n.Attribute("Link")?.Value.StartsWith("workflows/", StringComparison.Ordinal) == true)
            .ToList();
        items.Should().NotBeEmpty("the Functions project ships the workflows folder");

        var files = new List<string>();
        foreach (var item in items)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddIncludePatterns(Patterns(item.Attribute("Include")?.Value, functions));
            matcher.AddExcludePatterns(Patterns(item.Attribute("Exclude")?.Value, functions));
            files.AddRange(matcher.GetResultsInFullPath(RepositoryFiles.Root));
        }

        return files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>MSBuild item globs (relative to the project, ';'-separated) as globs relative to the repository root.</summary>
    private static IEnumerable<string> Patterns(string? globs, string projectFolder) =>
        (globs ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => Path.GetRelativePath(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(projectFolder, g.Replace('\\', '/')))).Replace('\\', '/'));

    private static List<(string Workflow, string Activity)> ShippedActivities() => Activities(ShippedWorkflows());

    private static List<(string Workflow, string Activity)> Activities(IEnumerable<string> files)
    {
        var documents = files.Select(f => (Source: Path.GetRelativePath(RepositoryFiles.Root, f), Json: File.ReadAllText(f))).ToList();
        var result = new WorkflowDefinitionLoader().LoadAll(documents);
        result.Problems.Should().BeEmpty("the shipped workflows load");

        var activities = new List<(string, string)>();
        foreach (var definition in result.Definitions.Values.SelectMany(v => v))
        {
            foreach (var step in Steps(definition))
            {
                switch (step)
                {
                    case ActivityStep activity:
                        activities.Add((definition.Id, activity.Activity));
                        break;
                    case ApprovalStep approval:
                        activities.Add((definition.Id, approval.NotifyActivity));
                        break;
                }
            }
        }

        return activities;
    }

    /// <summary>Every step of a definition, nested ones included (if/switch/forEach branches, timeout handlers...),
    /// found by walking the definition records rather than listing each step type's children.</summary>
    private static List<Step> Steps(WorkflowDefinition definition)
    {
        var steps = new List<Step>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(definition, steps, seen);
        return steps;
    }

    private static void Walk(object? node, List<Step> steps, HashSet<object> seen)
    {
        if (node is null or string || !seen.Add(node))
        {
            return;
        }

        if (node is Step step)
        {
            steps.Add(step);
        }

        if (node is System.Collections.IEnumerable sequence and not System.Text.Json.Nodes.JsonNode)
        {
            foreach (var item in sequence)
            {
                Walk(item, steps, seen);
            }

            return;
        }

        if (node.GetType().Assembly != typeof(Step).Assembly)
        {
            return;
        }

        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var type = property.PropertyType;
            if (type.IsValueType || type == typeof(string) || typeof(System.Text.Json.Nodes.JsonNode).IsAssignableFrom(type))
            {
                continue;
            }

            Walk(property.GetValue(node), steps, seen);
        }
    }
}
