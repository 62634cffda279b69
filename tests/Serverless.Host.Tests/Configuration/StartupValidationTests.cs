using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Configuration;

/// <summary>A bad setting stops the real host at start, and the output names the setting.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("--Api:MaxRequestBodyBytes=12", "Api:MaxRequestBodyBytes")]
    [InlineData("--Demo:LedgerFile=", "Demo:LedgerFile")]
    [InlineData("--Host:LocalHttpPort=70000", "Host:LocalHttpPort")]
    [InlineData("--Api:EntraId:TenantId=contoso.onmicrosoft.com", "Api:EntraId:TenantId")]
    [InlineData("--Logging:Console:FormatterName=txt", "Logging:Console:FormatterName")]
    public async Task Start_InvalidSetting_ExitsNamingTheSetting(string argument, string setting)
    {
        using var data = new TempFolder();
        await using var host = HostProcess.Start(data.Path, HostProcess.FreePort(), [argument]);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().NotBe(0);
        host.Output.Should().Contain(setting);
    }

    [Fact]
    public async Task Start_ShortApiKey_PrintsOneLineNamingTheSettingAndTheRule_NoStackTrace()
    {
        using var data = new TempFolder();
        await using var host = HostProcess.Start(data.Path, HostProcess.FreePort(),
            environment: new Dictionary<string, string> { ["Api__ApiKeys__0"] = "k3y-8chr" });

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().Be(78, "EX_CONFIG: a configuration error");
        host.Output.Should().Contain("Settings error: Setting 'Api:ApiKeys:0' must be 16 to 512 characters long");
        host.Output.Should().NotContain("Unhandled exception").And.NotContain("   at ").And.NotContain("k3y-8chr");
    }

    [Fact]
    public async Task Start_InvalidSettingFromEnvironment_ExitsNamingTheSetting()
    {
        using var data = new TempFolder();
        await using var host = HostProcess.Start(data.Path, HostProcess.FreePort(),
            environment: new Dictionary<string, string> { ["Api__MaxPageSize"] = "0" });

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().NotBe(0);
        host.Output.Should().Contain("Api:MaxPageSize");
    }

    [Fact]
    public async Task Start_InvalidSettingInValuesFile_ExitsNamingTheSetting()
    {
        using var data = new TempFolder();
        File.WriteAllText(data.File("local.settings.json"), """{ "IsEncrypted": false, "Values": { "Api__MaxRequestBodyBytes": "12" } }""");
        await using var host = HostProcess.Start(data.Path, HostProcess.FreePort());

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().NotBe(0);
        host.Output.Should().Contain("Api:MaxRequestBodyBytes");
    }

    [Fact]
    public async Task Start_ValuesFileSetting_IsOverriddenByCommandLine()
    {
        using var data = new TempFolder();
        File.WriteAllText(data.File("local.settings.json"), """{ "IsEncrypted": false, "Values": { "Api__MaxRequestBodyBytes": "12" } }""");
        await using var host = HostProcess.Start(data.Path, HostProcess.FreePort(), ["--Api:MaxRequestBodyBytes=4096"]);

        await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));

        host.HasExited.Should().BeFalse();
    }

    [Fact]
    public async Task Start_WithTheExampleSettingsFile_IsHealthy()
    {
        using var data = new TempFolder();
        File.Copy(Path.Combine(RepositoryPaths.Root, "local.settings.example.json"), data.File("local.settings.json"));
        await using var host = HostProcess.Start(data.Path, HostProcess.FreePort());

        await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));

        (await host.Http.GetStringAsync("/api/workflows")).Should().Contain("\"hello\"");
    }
}
