using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Serverless.Functions.Tests.Infra;

/// <summary>Checks on the ARM template infra/main.bicep compiles to: the app settings the code reads, the role
/// assignments its identity needs, the queues, and that no secret leaves the deployment through an output.</summary>
public sealed partial class CompiledTemplateTests(CompiledTemplate compiled) : IClassFixture<CompiledTemplate>
{
    /// <summary>Settings the code and the Functions host read in Azure.</summary>
    public static readonly TheoryData<string> ExpectedSettings =
    [
        // Functions host and Durable Functions (identity-based AzureWebJobsStorage), telemetry.
        "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri",
        "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "AZURE_CLIENT_ID",
        "DurableTaskHubName",
        // Document and blob stores.
        "Storage__Documents__Provider", "Storage__Documents__Cosmos__AccountEndpoint", "Storage__Documents__Cosmos__Credential",
        "Storage__Documents__Cosmos__ClientId", "Storage__Documents__Cosmos__Database",
        "Storage__Blobs__Provider", "Storage__Blobs__Azure__ServiceUri", "Storage__Blobs__Azure__Credential", "Storage__Blobs__Azure__ClientId",
        // Shared keyed rows (sandbox call log, idempotency and dedup keys, alert throttles).
        "Storage__Tables__Provider", "Storage__Tables__Azure__ServiceUri", "Storage__Tables__Azure__Credential", "Storage__Tables__Azure__ClientId",
        // Channel messages.
        "Channels__Queue__ServiceUri", "Channels__Queue__Credential", "Channels__Queue__ClientId", "Channels__Queue__Name",
        // Keys and access.
        "Approvals__SigningKey", "Api__ApiKeys__0", "Api__AllowLoopbackWithoutKey",
    ];

    private IReadOnlyDictionary<string, AppSetting> Settings => compiled.AppSettings;

    [Theory]
    [MemberData(nameof(ExpectedSettings))]
    public void TheFunctionApp_GetsEverySettingTheCodeReads(string key)
    {
        Settings.Should().ContainKey(key, "the Function App's appsettings resource provides it");
        Settings[key].Value.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void TheSandboxSqlitePath_IsGone()
    {
        Settings.Keys.Should().NotContain(k => k.StartsWith("Connectors__Sandbox__", StringComparison.Ordinal),
            "the sandbox call log lives in Azure Table storage shared by every instance, not in a per-instance /tmp file");
    }

    [Theory]
    [InlineData("Storage__Documents__Cosmos__ClientId")]
    [InlineData("Storage__Blobs__Azure__ClientId")]
    [InlineData("Storage__Tables__Azure__ClientId")]
    [InlineData("Channels__Queue__ClientId")]
    public void IdentityClientIds_AreTheUserAssignedIdentitys(string key) =>
        Settings[key].Value.Should().MatchRegex(ModuleOutput("identity", "clientId"));

    [Theory]
    [InlineData("Storage__Documents__Cosmos__Credential")]
    [InlineData("Storage__Blobs__Azure__Credential")]
    [InlineData("Storage__Tables__Azure__Credential")]
    [InlineData("Channels__Queue__Credential")]
    [InlineData("AzureWebJobsStorage__credential")]
    public void EveryDataClient_SignsInAsTheManagedIdentity(string key) =>
        Settings[key].Constant.Should().Be("managedidentity");

    [Fact]
    public void Settings_PointAtTheRightEndpoints()
    {
        Settings["Storage__Documents__Provider"].Constant.Should().Be("cosmos");
        Settings["Storage__Documents__Cosmos__AccountEndpoint"].Value.Should().MatchRegex(ModuleOutput("cosmos", "endpoint"));
        Settings["Storage__Blobs__Provider"].Constant.Should().Be("azure");
        Settings["Storage__Blobs__Azure__ServiceUri"].Value.Should().MatchRegex(ModuleOutput("storage", "blobEndpoint"));
        Settings["Storage__Tables__Provider"].Constant.Should().Be("azure");
        Settings["Storage__Tables__Azure__ServiceUri"].Value.Should().MatchRegex(ModuleOutput("storage", "tableEndpoint"));
        Settings["Channels__Queue__ServiceUri"].Value.Should().MatchRegex(ModuleOutput("storage", "queueEndpoint"));
        Settings["AzureWebJobsStorage__queueServiceUri"].Value.Should().Contain("primaryEndpoints.queue");
        Settings["AzureWebJobsStorage__tableServiceUri"].Value.Should().Contain("primaryEndpoints.table");
        Settings["DurableTaskHubName"].Constant.Should().Be("serverlesshub");
    }

    [Fact]
    public void TheChannelQueue_AndItsPoisonQueue_AreProvisioned()
    {
        var storage = compiled.Main.Module("storage");
        var queues = storage.Resources.Where(r => r.GetProperty("type").GetString() == "Microsoft.Storage/storageAccounts/queueServices/queues")
            .SelectMany(r => storage.Constants(((ArmCall)ArmExpression.Parse(r.GetProperty("name").GetString()!)).Arguments[^1]))
            .ToList();

        Settings["Channels__Queue__Name"].Constant.Should().Be("channel-messages");
        queues.Should().BeEquivalentTo(["channel-messages", "channel-messages-poison"],
            "the queue trigger reads the queue and the dead-letter reader lists its poison queue before the first failure");
    }

    [Fact]
    public void TheSettings_BindAsConfiguration()
    {
        var configuration = FunctionAppSettings.ToConfiguration();

        configuration["Channels:Queue:Name"].Should().Be("channel-messages");
        configuration.GetSection("Storage:Tables").GetChildren().Select(c => c.Key).Should().BeEquivalentTo(["Provider", "Azure"]);
        configuration.GetSection("Storage:Tables:Azure").GetChildren().Select(c => c.Key).Should().BeEquivalentTo(["ServiceUri", "Credential", "ClientId"]);
        configuration["Api:AllowLoopbackWithoutKey"].Should().Be("false");
    }

    [Fact]
    public void KeysComeFromKeyVault_AndLoopbackIsNoKey()
    {
        Settings["Api__AllowLoopbackWithoutKey"].Constant.Should().Be("false", "the Functions host relays every request to the worker over loopback");
        Settings["Api__ApiKeys__0"].Value.Should().MatchRegex(KeyVaultReference("managementApiKeySecretUri"));
        Settings["Approvals__SigningKey"].Value.Should().MatchRegex(KeyVaultReference("approvalSigningKeySecretUri"));
        compiled.Main.Variable("connectorSecretSettings").GetString().Should().Contain("'@Microsoft.KeyVault(VaultName={0};SecretName={1})'",
            "each connectorSecrets entry becomes a Key Vault reference");
    }

    [Fact]
    public void EntraIdSignIn_IsOffUnlessAClientIdIsGiven_AndDefaultsToTheSubscriptionsTenant()
    {
        foreach (var name in new[] { "ClientId", "Audience", "Scope", "RequiredRole" })
        {
            Settings[$"Api__EntraId__{name}"].Constant.Should().Be("", $"Api:EntraId:{name} is empty unless the azd environment sets it");
        }

        Settings["Api__EntraId__TenantId"].Value.Should().Contain("empty(parameters('entraClientId'))", "no tenant (sign-in off) without a client id")
            .And.Contain("tenant().tenantId");
        using var parameters = System.Text.Json.JsonDocument.Parse(RepositoryFiles.Read("infra", "main.parameters.json"));
        parameters.RootElement.GetProperty("parameters").GetProperty("entraClientId").GetProperty("value").GetString().Should().Be("${ENTRA_CLIENT_ID=}");
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner", "Microsoft.Storage/storageAccounts", "storageAccountName", "storage", "name")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor", "Microsoft.Storage/storageAccounts", "storageAccountName", "storage", "name")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor", "Microsoft.Storage/storageAccounts", "storageAccountName", "storage", "name")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher", "Microsoft.Insights/components", "applicationInsightsName", "monitoring", "applicationInsightsName")]
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Key Vault Secrets User", "Microsoft.KeyVault/vaults", "keyVaultName", "keyvault", "name")]
    [InlineData("00000000-0000-0000-0000-000000000002", "Cosmos DB Built-in Data Contributor", "Microsoft.DocumentDB/databaseAccounts", "cosmosAccountName", "cosmos", "name")]
    public void TheAppIdentity_HoldsTheRole_OnTheRightResource(string roleId, string role, string resourceType, string nameParameter, string module, string output)
    {
        var rbac = compiled.Main.Module("rbac");
        var scope = $"[resourceId('{resourceType}', parameters('{nameParameter}'))]";

        RoleAssignments(rbac).Should().Contain(a => a.RoleIds.Contains(roleId) && a.Principal == "[parameters('appPrincipalId')]" && a.Scope == scope && a.Condition == null,
            $"the app's identity needs {role} on {resourceType} (unconditionally)");
        rbac.PassedValue(nameParameter).Should().MatchRegex(ModuleOutput(module, output), $"rbac's {nameParameter} is the {module} module's resource");
        rbac.PassedValue("appPrincipalId").Should().MatchRegex(ModuleOutput("identity", "principalId"));
    }

    [Fact]
    public void RoleAssignments_AreOnlyInRbac()
    {
        foreach (var module in compiled.Main.Modules.Where(m => m.Name != "rbac"))
        {
            module.Resources.Select(r => r.GetProperty("type").GetString()).Should().NotContain(t => t!.EndsWith("roleAssignments", StringComparison.OrdinalIgnoreCase), module.Name);
        }
    }

    [Fact]
    public void NoOutput_CarriesASecret()
    {
        foreach (var scope in new[] { compiled.Main }.Concat(compiled.Main.Modules))
        {
            var secureParameters = scope.Parameters.ValueKind == JsonValueKind.Object
                ? scope.Parameters.EnumerateObject().Where(p => IsSecure(p.Value)).Select(p => p.Name).ToList()
                : [];
            if (scope.Outputs.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var output in scope.Outputs.EnumerateObject())
            {
                var value = output.Value.GetProperty("value").GetRawText();
                var where = $"output {output.Name} of {scope.Name}: {value}";
                output.Value.GetProperty("type").GetString().Should().NotStartWithEquivalentOf("secure", where);
                SecretValue().IsMatch(value).Should().BeFalse($"{where} reads keys, a connection string or a list*() function");
                KeyVaultSecretValue().IsMatch(value).Should().BeFalse($"{where} reads a Key Vault secret other than its URI");
                secureParameters.Should().NotContain(p => value.Contains($"parameters('{p}')", StringComparison.Ordinal), $"{where} passes a secure parameter on");
                if (scope == compiled.Main)
                {
                    SecretName().IsMatch(output.Name).Should().BeFalse($"azd stores output {output.Name} in plain text (.azure/<env>/.env)");
                }
            }
        }
    }

    [Theory]
    [InlineData("main", "approvalSigningKey", "securestring")]
    [InlineData("main", "managementApiKey", "securestring")]
    [InlineData("main", "connectorSecrets", "secureObject")]
    [InlineData("keyvault", "approvalSigningKey", "securestring")]
    [InlineData("keyvault", "managementApiKey", "securestring")]
    [InlineData("api", "appSettings", "secureObject")]
    public void SecretParameters_AreSecure(string template, string parameter, string type)
    {
        var scope = template == "main" ? compiled.Main : compiled.Main.Module(template);

        scope.Parameters.GetProperty(parameter).GetProperty("type").GetString().Should().Be(type);
    }

    [Fact]
    public void EveryParameterNamedLikeASecret_IsSecure()
    {
        foreach (var scope in new[] { compiled.Main }.Concat(compiled.Main.Modules))
        {
            foreach (var parameter in scope.Parameters.EnumerateObject().Where(p => SecretParameterName().IsMatch(p.Name)))
            {
                IsSecure(parameter.Value).Should().BeTrue($"parameter {parameter.Name} of {scope.Name} holds a secret");
                if (parameter.Value.TryGetProperty("defaultValue", out var defaultValue))
                {
                    defaultValue.GetRawText().Should().BeOneOf(["\"\"", "{}"], $"a secure parameter ({parameter.Name} of {scope.Name}) has no secret default");
                }
            }
        }
    }

    private sealed record RoleAssignment(IReadOnlyList<string> RoleIds, string Principal, string Scope, string? Condition);

    /// <summary>Azure role assignments (scope property) and Cosmos DB SQL role assignments (properties.scope) of a
    /// template; the role ids are the constants the role definition id is made of, one per copy of a loop.</summary>
    private static IEnumerable<RoleAssignment> RoleAssignments(ArmScope rbac)
    {
        foreach (var resource in rbac.Resources)
        {
            var type = resource.GetProperty("type").GetString()!;
            if (type is not ("Microsoft.Authorization/roleAssignments" or "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments"))
            {
                continue;
            }

            var properties = resource.GetProperty("properties");
            var definition = (ArmCall)ArmExpression.Parse(properties.GetProperty("roleDefinitionId").GetString()!);
            var roles = rbac.Constants(definition.Arguments[^1]).OfType<string>().ToList();
            var scope = type.StartsWith("Microsoft.Authorization", StringComparison.Ordinal)
                ? resource.GetProperty("scope").GetString()!
                : properties.GetProperty("scope").GetString()!;
            if (type.StartsWith("Microsoft.DocumentDB", StringComparison.Ordinal))
            {
                definition.Text.Should().StartWith("format('{0}/sqlRoleDefinitions/{1}', " + scope[1..^1], "a Cosmos DB role definition of the same account");
            }
            else
            {
                definition.Name.Should().Be("subscriptionResourceId", "built-in role definitions");
            }

            yield return new RoleAssignment(roles, properties.GetProperty("principalId").GetString()!, scope,
                resource.TryGetProperty("condition", out var condition) ? ArmScope.Raw(condition) : null);
        }
    }

    private static bool IsSecure(JsonElement parameter) =>
        parameter.GetProperty("type").GetString()!.StartsWith("secure", StringComparison.OrdinalIgnoreCase);

    /// <summary>An expression reading output <paramref name="output"/> of module deployment <paramref name="module"/>.</summary>
    private static string ModuleOutput(string module, string output) =>
        $@"^\[reference\(.*'Microsoft\.Resources/deployments', '{module}'\), '[0-9-]+'\)\.outputs\.{output}\.value\]$";

    /// <summary>A Key Vault reference to the secret whose URI the keyvault module outputs as <paramref name="output"/>.</summary>
    private static string KeyVaultReference(string output) =>
        $@"^\[format\('@Microsoft\.KeyVault\(SecretUri=\{{0\}}\)', reference\(.*'Microsoft\.Resources/deployments', 'keyvault'\), '[0-9-]+'\)\.outputs\.{output}\.value\)\]$";

    [GeneratedRegex(@"list\w*\(|connectionstring|instrumentationkey|primarykey|secondarykey|masterkey|accountkey|\bkeys\b|sharedaccess|\bsas\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecretValue();

    [GeneratedRegex(@"Microsoft\.KeyVault/vaults/secrets'[^\]]*?\)\)?\.(?!secretUri)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyVaultSecretValue();

    /// <summary>Output names that announce a secret; KEY_VAULT (the vault's name or URI) is not one.</summary>
    [GeneratedRegex(@"(^|_)(KEYS?(?!_VAULT)|SECRETS?|PASSWORD|TOKEN|SAS)(_|$)|CONNECTION_?STRING", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    /// <summary>Parameter names that say they hold a secret (but not a secret's name, URI or id, or a vault's name).</summary>
    [GeneratedRegex(@"(key|secret|secrets|password|token)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameterName();
}
