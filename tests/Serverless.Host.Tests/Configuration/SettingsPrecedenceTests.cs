using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Serverless.Host.Configuration;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Configuration;

public sealed class SettingsPrecedenceTests
{
    private static WebApplicationBuilder Build(TempFolder folder, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = folder.Path, EnvironmentName = "Production" });
        builder.Configuration.AddHostSettings(builder.Environment);
        return builder;
    }

    [Fact]
    public void AddHostSettings_SameKeyEverywhere_ValuesFileLosesToEnvironmentWhichLosesToCommandLine()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("local.settings.json"), """
            {
              "IsEncrypted": false,
              "Values": {
                "PrecedenceProbe__OnlyFile": "file",
                "PrecedenceProbe__EnvBeatsFile": "file",
                "PrecedenceProbe:CmdBeatsAll": "file"
              }
            }
            """);
        Environment.SetEnvironmentVariable("PrecedenceProbe__EnvBeatsFile", "env");
        Environment.SetEnvironmentVariable("PrecedenceProbe__CmdBeatsAll", "env");
        try
        {
            var configuration = Build(folder, "--PrecedenceProbe:CmdBeatsAll=cmd").Configuration;

            configuration["PrecedenceProbe:OnlyFile"].Should().Be("file");
            configuration["PrecedenceProbe:EnvBeatsFile"].Should().Be("env");
            configuration["PrecedenceProbe:CmdBeatsAll"].Should().Be("cmd");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PrecedenceProbe__EnvBeatsFile", null);
            Environment.SetEnvironmentVariable("PrecedenceProbe__CmdBeatsAll", null);
        }
    }

    [Fact]
    public void AddHostSettings_ValuesFile_BeatsEmbeddedDefaults()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("local.settings.json"), """{ "Values": { "Runtime__DataFolder": "/srv/data" } }""");

        var configuration = Build(folder).Configuration;

        configuration["Runtime:DataFolder"].Should().Be("/srv/data");
        configuration["Runtime:WorkflowsFolder"].Should().Be("workflows");
    }

    [Fact]
    public void AddHostSettings_OnlyRuntimeDataFolderGiven_StorageFollowsIt()
    {
        using var folder = new TempFolder();

        Build(folder, "--Runtime:DataFolder=/srv/data").Configuration["Storage:DataFolder"].Should().Be("/srv/data");
        Build(folder).Configuration["Storage:DataFolder"].Should().Be(".data");
        Build(folder, "--Runtime:DataFolder=/srv/data", "--Storage:DataFolder=/srv/files").Configuration["Storage:DataFolder"]
            .Should().Be("/srv/files", "an explicit storage folder wins");
    }

    [Fact]
    public void AddHostSettings_NoSettingsFile_UsesEmbeddedDefaults()
    {
        using var folder = new TempFolder();

        var configuration = Build(folder).Configuration;

        configuration["Runtime:DataFolder"].Should().Be(".data");
    }

    [Fact]
    public void AddHostSettings_HostAndConnectionStrings_MapLikeTheFunctionsHost()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("custom.json"), """
            {
              "Values": { "Mail__Port": 2525, "Demo__Enabled": false },
              "Host": { "LocalHttpPort": 7999 },
              "ConnectionStrings": { "Sql": "Data Source=x" }
            }
            """);

        var configuration = Build(folder, "--SettingsFile=custom.json").Configuration;

        configuration["Mail:Port"].Should().Be("2525");
        configuration["Demo:Enabled"].Should().Be("false");
        configuration["Host:LocalHttpPort"].Should().Be("7999");
        configuration.GetConnectionString("Sql").Should().Be("Data Source=x");
    }

    [Fact]
    public void AddHostSettings_NamedFileMissing_FailsNamingIt()
    {
        using var folder = new TempFolder();

        var act = () => Build(folder, "--SettingsFile=missing.json");

        act.Should().Throw<FileNotFoundException>().WithMessage("*SettingsFile*missing.json*");
    }

    [Fact]
    public void AddHostSettings_EncryptedFile_IsRefused()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("local.settings.json"), """{ "IsEncrypted": true, "Values": { "A": "xyz" } }""");

        var act = () => Build(folder);

        act.Should().Throw<Exception>().Where(e => (e.InnerException ?? e).Message.Contains("encrypted"));
    }

    [Fact]
    public void AddHostSettings_InvalidJson_FailsNamingTheFile()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("local.settings.json"), """{ "Values": { "A": } }""");

        var act = () => Build(folder);

        act.Should().Throw<InvalidDataException>().WithMessage("*local.settings.json*");
    }
}
