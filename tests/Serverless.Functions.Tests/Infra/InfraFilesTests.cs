using System.Text.Json;
using System.Text.RegularExpressions;

namespace Serverless.Functions.Tests.Infra;

/// <summary>No bicep CLI on this project's machines, so these check what can be checked without it: the JSON files
/// parse, parameters and modules line up, every role id is a known built-in role and says which, outputs are UPPER_SNAKE.</summary>
public sealed partial class InfraFilesTests
{
    /// <summary>Azure built-in role definition ids (learn.microsoft.com "Azure built-in roles"; the Cosmos DB one is a
    /// data-plane SQL role definition).</summary>
    private static readonly Dictionary<string, string> BuiltInRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
        ["b86a8fe4-44ce-4948-aee5-eccb2c155cd7"] = "Key Vault Secrets Officer",
        ["00000000-0000-0000-0000-000000000002"] = "Cosmos DB Built-in Data Contributor",
    };

    private static readonly string MainBicep = RepositoryFiles.Read("infra", "main.bicep");

    [Theory]
    [InlineData("infra", "main.parameters.json")]
    [InlineData("infra", "abbreviations.json")]
    [InlineData("host.json")]
    public void JsonFile_Parses(params string[] path)
    {
        var parse = () => JsonDocument.Parse(RepositoryFiles.Read(path)).Dispose();

        parse.Should().NotThrow();
    }

    [Fact]
    public void EveryParameterInTheParametersFile_IsDeclaredInMainBicep()
    {
        using var parameters = JsonDocument.Parse(RepositoryFiles.Read("infra", "main.parameters.json"));
        var declared = Params(MainBicep).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).Should().BeSubsetOf(declared);
    }

    [Fact]
    public void EveryRequiredParameterOfMainBicep_IsInTheParametersFile()
    {
        using var parameters = JsonDocument.Parse(RepositoryFiles.Read("infra", "main.parameters.json"));
        var given = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        Params(MainBicep).Where(p => !p.HasDefault).Select(p => p.Name).Should().BeSubsetOf(given);
    }

    [Fact]
    public void EveryAbbreviationUsedInMainBicep_Exists()
    {
        using var abbreviations = JsonDocument.Parse(RepositoryFiles.Read("infra", "abbreviations.json"));
        var known = abbreviations.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        AbbreviationUse().Matches(MainBicep).Select(m => m.Groups[1].Value).Should().BeSubsetOf(known);
    }

    [Fact]
    public void EveryModule_ExistsAndGetsOnlyParametersItDeclares()
    {
        foreach (Match module in ModuleUse().Matches(MainBicep))
        {
            var path = RepositoryFiles.Path("infra", module.Groups["path"].Value);
            File.Exists(path).Should().BeTrue($"module {module.Groups["path"].Value} should exist");
            var declared = Params(File.ReadAllText(path)).ToList();
            var passed = ParamsBlock(MainBicep, module.Index);

            passed.Should().BeSubsetOf(declared.Select(p => p.Name), $"{module.Groups["path"].Value} declares every parameter main.bicep passes");
            declared.Where(p => !p.HasDefault).Select(p => p.Name).Should().BeSubsetOf(passed, $"main.bicep passes every required parameter of {module.Groups["path"].Value}");
        }
    }

    [Fact]
    public void EveryRoleId_InRbacBicep_IsAKnownBuiltInRole_CommentedWithItsName()
    {
        var rbac = RepositoryFiles.Read("infra", "app", "rbac.bicep");
        var lines = rbac.Split('\n').Where(l => RoleId().IsMatch(l)).ToList();
        lines.Should().NotBeEmpty();

        foreach (var line in lines)
        {
            var id = RoleId().Match(line).Value;
            BuiltInRoles.Should().ContainKey(id, $"'{line.Trim()}' should be a built-in role");
            line.Should().Contain("// " + BuiltInRoles[id], "each role id is commented with its role name");
        }

        // Role assignments live in rbac.bicep only.
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.Path("infra"), "*.bicep", SearchOption.AllDirectories).Where(f => !f.EndsWith("rbac.bicep", StringComparison.Ordinal)))
        {
            File.ReadAllText(file).Should().NotContainAny(["roleAssignments@", "sqlRoleAssignments@"], $"{file} should leave role assignments to rbac.bicep");
        }
    }

    [Fact]
    public void Outputs_AreUpperSnakeCase_AndIncludeWhatAzdAndTheHooksRead()
    {
        var outputs = Regex.Matches(MainBicep, @"^output (\w+) ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        outputs.Should().OnlyContain(o => Regex.IsMatch(o, "^[A-Z][A-Z0-9_]*$"));
        outputs.Should().Contain(["AZURE_LOCATION", "AZURE_FUNCTION_NAME", "COSMOS_ENDPOINT", "AZURE_KEY_VAULT_NAME"]);
        var hook = RepositoryFiles.Read("infra", "hooks", "postprovision.sh");
        Regex.Matches(hook, @"value (\w+)\)").Select(m => m.Groups[1].Value).Should().BeSubsetOf(outputs, "the hook reads azd values main.bicep outputs");
    }

    [Fact]
    public void HostJson_TakesTheTaskHubFromASetting_AndServesUnderApi()
    {
        using var hostJson = JsonDocument.Parse(RepositoryFiles.Read("host.json"));
        var extensions = hostJson.RootElement.GetProperty("extensions");

        hostJson.RootElement.GetProperty("version").GetString().Should().Be("2.0");
        extensions.GetProperty("http").GetProperty("routePrefix").GetString().Should().Be("api");
        extensions.GetProperty("durableTask").GetProperty("hubName").GetString().Should().Be("%DurableTaskHubName%");
        MainBicep.Should().Contain("DurableTaskHubName:", "the app setting host.json names is provisioned");
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProject_AsServiceApi()
    {
        var yaml = RepositoryFiles.Read("azure.yaml");

        yaml.Should().MatchRegex(@"services:\s+api:\s+project: \./functions\s+language: dotnet\s+host: function");
        File.Exists(RepositoryFiles.Path("functions", "Serverless.Functions.csproj")).Should().BeTrue();
        RepositoryFiles.Read("infra", "app", "api.bicep").Should().Contain("'azd-service-name': serviceName").And.Contain("param serviceName string = 'api'");
    }

    private sealed record Param(string Name, bool HasDefault);

    private static IEnumerable<Param> Params(string bicep) =>
        ParamDeclaration().Matches(bicep).Select(m => new Param(m.Groups["name"].Value, m.Groups["default"].Success));

    /// <summary>Names assigned in the params: { ... } block of the module declared at <paramref name="start"/>.</summary>
    private static List<string> ParamsBlock(string bicep, int start)
    {
        var open = bicep.IndexOf("params: {", start, StringComparison.Ordinal);
        var depth = 0;
        var names = new List<string>();
        for (var i = open + "params: ".Length; i < bicep.Length; i++)
        {
            depth += bicep[i] == '{' ? 1 : bicep[i] == '}' ? -1 : 0;
            if (depth == 0)
            {
                break;
            }

            if (depth == 1 && (bicep[i] == '\n') && ParamAssignment().Match(bicep, i + 1) is { Success: true } m && m.Index == i + 1)
            {
                names.Add(m.Groups[1].Value);
            }
        }

        return names;
    }

    [GeneratedRegex(@"^param (?<name>\w+) [\w\[\]]+(?<default> =)?", RegexOptions.Multiline)]
    private static partial Regex ParamDeclaration();

    [GeneratedRegex(@"abbrs\.(\w+)")]
    private static partial Regex AbbreviationUse();

    [GeneratedRegex(@"^module \w+ '(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleUse();

    [GeneratedRegex(@"[ \t]+(\w+):")]
    private static partial Regex ParamAssignment();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RoleId();
}
