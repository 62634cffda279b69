using System.Text.Json;
using System.Text.RegularExpressions;

namespace Serverless.Functions.Tests.Infra;

/// <summary>The infra files hold together: the JSON files parse, the parameters file and the modules line up with the
/// compiled template's parameters, every role id is a known built-in role and says which, outputs are UPPER_SNAKE.</summary>
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

    private static ArmScope Main => BicepCompilation.Shared.Main;

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
        var declared = Main.Parameters.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).Should().BeSubsetOf(declared);
    }

    [Fact]
    public void EveryRequiredParameterOfMainBicep_IsInTheParametersFile()
    {
        using var parameters = JsonDocument.Parse(RepositoryFiles.Read("infra", "main.parameters.json"));
        var given = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        Main.Parameters.EnumerateObject().Where(p => !p.Value.TryGetProperty("defaultValue", out _)).Select(p => p.Name).Should().BeSubsetOf(given);
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
            File.Exists(RepositoryFiles.Path("infra", module.Groups["path"].Value)).Should().BeTrue($"module {module.Groups["path"].Value} should exist");
        }

        var modules = Main.Modules.ToList();
        modules.Select(m => m.Name).Should().BeEquivalentTo(["identity", "storage", "cosmos", "monitoring", "keyvault", "api", "rbac"]);
        foreach (var module in modules)
        {
            var declared = module.Parameters.EnumerateObject().ToList();
            module.ParameterValues.Keys.Should().BeSubsetOf(declared.Select(p => p.Name), $"module {module.Name} declares every parameter main.bicep passes");
            declared.Where(p => !p.Value.TryGetProperty("defaultValue", out _)).Select(p => p.Name)
                .Should().BeSubsetOf(module.ParameterValues.Keys, $"main.bicep passes every required parameter of module {module.Name}");
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
        var outputs = Main.Outputs.EnumerateObject().Select(o => o.Name).ToList();

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
        FunctionAppSettings.Compiled.Should().ContainKey("DurableTaskHubName", "the app setting host.json names is provisioned");
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProject_AsServiceApi()
    {
        var yaml = RepositoryFiles.Read("azure.yaml");

        yaml.Should().MatchRegex(@"services:\s+api:\s+project: \./functions\s+language: dotnet\s+host: function");
        File.Exists(RepositoryFiles.Path("functions", "Serverless.Functions.csproj")).Should().BeTrue();
        RepositoryFiles.Read("infra", "app", "api.bicep").Should().Contain("'azd-service-name': serviceName").And.Contain("param serviceName string = 'api'");
    }

    [GeneratedRegex(@"abbrs\.(\w+)")]
    private static partial Regex AbbreviationUse();

    [GeneratedRegex(@"^module \w+ '(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleUse();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RoleId();
}
