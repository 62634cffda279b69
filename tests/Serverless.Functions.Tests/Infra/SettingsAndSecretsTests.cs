using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Serverless.Functions.Tests.Infra;

/// <summary>Secrets and access settings: local runs get their own signing key, Azure gets both keys from Key Vault
/// and never lets loopback stand in for a management key; and duplicate starts under Durable Functions are refused
/// rather than replacing a running instance.</summary>
public sealed partial class SettingsAndSecretsTests
{
    private static ArmScope Main => BicepCompilation.Shared.Main;

    [Theory]
    [InlineData("postprovision.sh", "openssl rand -base64 48")]
    [InlineData("postprovision.ps1", "[Convert]::ToBase64String")]
    public void PostprovisionHook_WritesARandomSigningKey_AndLoopbackAccess_WithoutPrintingTheKey(string hook, string generator)
    {
        var text = RepositoryFiles.Read("infra", "hooks", hook);

        text.Should().Contain(generator);
        text.Should().Contain("Approvals__SigningKey").And.Contain("Api__AllowLoopbackWithoutKey");
        Regex.IsMatch(text, @"Api__AllowLoopbackWithoutKey""?\s*[:=]\s*[""']true[""']").Should().BeTrue("local runs accept loopback callers without a key");
        var output = text.Split('\n').Where(l => Regex.IsMatch(l, @"^\s*(echo|Write-Host|Write-Warning|Write-Output|printf)\b")).ToList();
        output.Should().NotContain(l => l.Contains("$approval_key", StringComparison.Ordinal) || l.Contains("New-SigningKey", StringComparison.Ordinal),
            "the generated key is never printed");
    }

    [Fact]
    public void AzureAppSettings_TakeTheManagementKeyFromKeyVault_AndRefuseKeylessLoopback()
    {
        var settings = FunctionAppSettings.Compiled;
        settings["Api__AllowLoopbackWithoutKey"].Constant.Should().Be("false", "the Functions host relays every request to the worker over loopback");
        settings["Api__ApiKeys__0"].Value.Should().StartWith("[format('@Microsoft.KeyVault(SecretUri={0})', ").And.EndWith(".outputs.managementApiKeySecretUri.value)]");
        settings["Approvals__SigningKey"].Value.Should().StartWith("[format('@Microsoft.KeyVault(SecretUri={0})', ").And.EndWith(".outputs.approvalSigningKeySecretUri.value)]");

        var keyVault = Main.Module("keyvault");
        keyVault.Resources.Should().Contain(r => r.GetProperty("type").GetString() == "Microsoft.KeyVault/vaults/secrets"
            && r.GetProperty("name").GetString()!.Contains("parameters('managementApiKeySecretName')", StringComparison.Ordinal)
            && r.GetProperty("properties").GetProperty("value").GetString() == "[parameters('managementApiKey')]");
        keyVault.Outputs.GetProperty("managementApiKeySecretUri").GetProperty("value").GetString().Should().EndWith(".secretUri]");
        var parameter = Main.Parameters.GetProperty("managementApiKey");
        parameter.GetProperty("type").GetString().Should().Be("securestring");
        parameter.GetProperty("minLength").GetInt32().Should().Be(16, "the key is at least as long as Api:ApiKeys requires (16)");
    }

    [Theory]
    [InlineData("approvalSigningKey", "approvalSigningKeySecretName")]
    [InlineData("managementApiKey", "managementApiKeySecretName")]
    public void GeneratedSecrets_AreReadBackFromTheVaultSecretBicepWrites(string parameter, string secretNameVariable)
    {
        using var parameters = JsonDocument.Parse(RepositoryFiles.Read("infra", "main.parameters.json"));
        var keyVault = Main.Module("keyvault");
        var secretName = keyVault.Constant(ArmExpression.Parse($"[parameters('{secretNameVariable}')]"));

        secretName.Should().NotBeNullOrEmpty();
        Main.Variable(secretNameVariable).GetString().Should().Be(secretName);
        keyVault.PassedValue(parameter).Should().Be($"[parameters('{parameter}')]");
        parameters.RootElement.GetProperty("parameters").GetProperty(parameter).GetProperty("value").GetString()
            .Should().Be($"$(secretOrRandomPassword ${{AZURE_KEY_VAULT_NAME}} {secretName})", "re-provisioning must keep the key it generated the first time");
    }

    [Fact]
    public void DurableRefusesToStartOverARunningInstance()
    {
        using var hostJson = JsonDocument.Parse(RepositoryFiles.Read("host.json"));

        hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("overridableExistingInstanceStates").GetString()
            .Should().Be("NonRunningStates", "a second start with the same instance id must fail instead of replacing a running instance");
    }

    [Theory]
    [InlineData("StartAsync")]
    [InlineData("ReplayAsync")]
    public void DurableWorkflowClient_ReadsTheInstanceAgain_WhenSchedulingFails(string methodName)
    {
        var root = CSharpSyntaxTree.ParseText(RepositoryFiles.Read("functions", "Durable", "DurableWorkflowClient.cs"), new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == methodName);
        var schedule = method.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Single(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "ScheduleNewOrchestrationInstanceAsync" });

        var guarded = schedule.Ancestors().OfType<TryStatementSyntax>().FirstOrDefault();
        guarded.Should().NotBeNull($"{methodName}: a concurrent start with the same id makes the schedule fail");
        guarded!.Catches.Should().ContainSingle().Which.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Should().Contain(i => i.Expression.ToString().EndsWith("GetInstanceAsync", StringComparison.Ordinal),
                $"{methodName}: after the failure the instance is read again to tell 'already exists' from a real failure");
    }
}
