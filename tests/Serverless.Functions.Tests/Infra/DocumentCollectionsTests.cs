using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Serverless.Intake.RequestHandler;
using Serverless.Storage.Azure.Cosmos;
using Serverless.Storage.Documents;

namespace Serverless.Functions.Tests.Infra;

/// <summary>Every document collection the code uses is provisioned by infra/main.bicep (the Cosmos adapter does not
/// create containers in Azure) and described in docs/data-model.md, and the Bicep list is exactly the data model's
/// index. The code's collections are read from the shared libraries themselves: each const string field named
/// "Collection" (or "...Collection"), public or not, plus any string literal passed as the collection of an
/// IDocumentStore call.</summary>
public sealed partial class DocumentCollectionsTests
{
    private const string RetiredSlackReplayContainer = "approval-slack-requests";

    private static readonly string DataModel = RepositoryFiles.Read("docs", "data-model.md");

    /// <summary>IDocumentStore's methods; their first argument is the collection.</summary>
    private static readonly HashSet<string> StoreMethods =
        typeof(IDocumentStore).GetMethods().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void TheCodesCollections_AreFound()
    {
        var used = CodeCollections();

        // A guard on the discovery itself: this one is known to exist (src/Serverless.Approvals).
        used.Keys.Should().Contain("approval-decisions");
        used.Keys.Should().NotContain(RetiredSlackReplayContainer, "the Slack replay guard uses the table store now");
        BicepContainers().Select(c => c.Name).Should().NotContain(RetiredSlackReplayContainer, "its container is no longer provisioned");
        used.Keys.Should().OnlyContain(c => CollectionName().IsMatch(c), "collection names are lower-case kebab identifiers");
    }

    [Fact]
    public void EveryCollectionTheCodeUses_IsProvisioned_AndDocumented()
    {
        var provisioned = BicepContainers().Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var documented = DataModelIndex();

        foreach (var (collection, source) in CodeCollections())
        {
            provisioned.Should().Contain(collection, $"{source} uses it and the app cannot create Cosmos containers in Azure (infra/main.bicep cosmosContainers)");
            documented.Should().Contain(collection, $"{source} uses it (docs/data-model.md, Collection index)");
        }
    }

    [Fact]
    public void BicepContainers_AreExactlyTheDataModelIndex()
    {
        var provisioned = BicepContainers().Select(c => c.Name).ToList();

        provisioned.Should().OnlyHaveUniqueItems();
        provisioned.Should().BeEquivalentTo(DataModelIndex(), "infra provisions every collection docs/data-model.md lists, and nothing else");
    }

    [Fact]
    public void EveryCollectionSection_OfTheDataModel_IsInItsIndex()
    {
        var collections = DataModel[DataModel.IndexOf("\n## Collections", StringComparison.Ordinal)..DataModel.IndexOf("\n## Blob containers", StringComparison.Ordinal)];
        var headings = CollectionHeading().Matches(collections).Select(m => m.Groups[1].Value).ToList();

        headings.Should().NotBeEmpty();
        headings.Should().BeSubsetOf(DataModelIndex());
    }

    [Fact]
    public void EveryContainer_IsPartitionedOnThePropertyTheDocumentStoreWrites()
    {
        var adapterPath = typeof(CosmosDocumentStore).GetField("PartitionKeyPath", BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() as string;

        adapterPath.Should().Be("/" + Document.PartitionKeyProperty, "CosmosDocumentStore addresses documents by /pk");
        BicepContainers().Should().OnlyContain(c => c.PartitionKeyPath == adapterPath);
    }

    [Fact]
    public void NoContainer_HasACosmosTtl_ButTheRetiredSlackReplayOne()
    {
        // Expiring records (replay guards, dedup keys) live in the table store, expiring in the code.
        BicepContainers().Should().OnlyContain(c => c.DefaultTtl == null,
            "expiry elsewhere would delete business state; docs/data-model.md says which collections expire");
    }

    [Fact]
    public void TheIntakeFilesContainer_IsTheOneTheDataModelNames()
    {
        var container = new RequestHandlerOptions().FilesContainer;
        var blobs = DataModel[DataModel.IndexOf("\n## Blob containers", StringComparison.Ordinal)..];

        blobs.Should().Contain($"| `{container}`", "docs/data-model.md lists the container intake really writes (RequestHandler:FilesContainer)");
        DataModel.Should().NotContain("form-uploads");
    }

    /// <summary>Collection name → where the code names it.</summary>
    private static Dictionary<string, string> CodeCollections()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in SharedAssemblies())
        {
            foreach (var type in Types(assembly))
            {
                var fields = type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name.EndsWith("Collection", StringComparison.Ordinal));
                foreach (var field in fields)
                {
                    found.TryAdd((string)field.GetRawConstantValue()!, $"{type.FullName}.{field.Name}");
                }
            }
        }

        foreach (var (collection, source) in LiteralCollectionArguments())
        {
            found.TryAdd(collection, source);
        }

        return found;
    }

    /// <summary>The assemblies the Functions app ships: its project references and every Serverless.* assembly they
    /// reference in turn.</summary>
    private static List<Assembly> SharedAssemblies()
    {
        var project = XDocument.Load(RepositoryFiles.Path("functions", "Serverless.Functions.csproj"));
        var pending = new Queue<AssemblyName>(project.Descendants("ProjectReference")
            .Select(r => new AssemblyName(Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))));
        pending.Should().NotBeEmpty();
        var loaded = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var name))
        {
            if (loaded.ContainsKey(name.Name!))
            {
                continue;
            }

            var assembly = Assembly.Load(name);
            loaded[name.Name!] = assembly;
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Serverless.", StringComparison.Ordinal)))
            {
                pending.Enqueue(reference);
            }
        }

        return [.. loaded.Values];
    }

    private static IEnumerable<Type> Types(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    /// <summary>String literals passed as the collection of an IDocumentStore call in src/ (outside the adapters):
    /// a collection named inline rather than through a constant is still a collection.</summary>
    private static IEnumerable<(string Collection, string Source)> LiteralCollectionArguments()
    {
        var adapters = new[] { RepositoryFiles.Path("src", "Serverless.Storage"), RepositoryFiles.Path("src", "Serverless.Storage.Azure") }
            .Select(p => p + Path.DirectorySeparatorChar).ToList();
        var files = Directory.EnumerateFiles(RepositoryFiles.Path("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !adapters.Any(a => f.StartsWith(a, StringComparison.Ordinal)))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (!text.Contains(nameof(IDocumentStore), StringComparison.Ordinal))
            {
                continue;
            }

            var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
            foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is MemberAccessExpressionSyntax member
                    && StoreMethods.Contains(member.Name.Identifier.Text)
                    && call.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    yield return (literal.Token.ValueText, Path.GetRelativePath(RepositoryFiles.Root, file));
                }
            }
        }
    }

    private sealed record Container(string Name, string PartitionKeyPath, int? DefaultTtl);

    /// <summary>The default of main.bicep's cosmosContainers parameter in the compiled template, which the cosmos
    /// module gets as its containers.</summary>
    private static List<Container> BicepContainers()
    {
        var main = BicepCompilation.Shared.Main;
        main.Module("cosmos").PassedValue("containers").Should().Be("[parameters('cosmosContainers')]");
        var containers = main.Parameters.GetProperty("cosmosContainers").GetProperty("defaultValue").EnumerateArray()
            .Select(c => new Container(
                c.GetProperty("name").GetString()!,
                c.GetProperty("partitionKeyPath").GetString()!,
                c.TryGetProperty("defaultTtl", out var ttl) ? ttl.GetInt32() : null))
            .ToList();
        containers.Should().NotBeEmpty();
        return containers;
    }

    /// <summary>Collection names in the first column of the "Collection index" table of docs/data-model.md.</summary>
    private static List<string> DataModelIndex()
    {
        var start = DataModel.IndexOf("### Collection index", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "docs/data-model.md has a Collection index");
        var end = DataModel.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
        var names = IndexRow().Matches(DataModel[start..end]).Select(m => m.Groups[1].Value).ToList();
        names.Should().NotBeEmpty().And.OnlyHaveUniqueItems();
        return names;
    }

    [GeneratedRegex(@"^\| `([a-z0-9-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex IndexRow();

    [GeneratedRegex(@"^### `([a-z0-9-]+)`", RegexOptions.Multiline)]
    private static partial Regex CollectionHeading();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex CollectionName();
}
