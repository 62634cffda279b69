using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Serverless.Host.Tests.Support;
using Serverless.Host.Web;

namespace Serverless.Host.Tests.Logging;

/// <summary>Which console format the host writes: text in Development, JSON elsewhere, or what
/// Logging:Console:FormatterName says; and the real host in Development prints readable lines and where the console is.</summary>
public sealed partial class ConsoleFormatSelectionTests
{
    private static string FormatterFor(string environment, string? setting = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (setting is not null)
        {
            builder.Configuration.AddInMemoryCollection([new("Logging:Console:FormatterName", setting)]);
        }

        builder.Logging.AddEmbeddedHostLogging();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName!;
    }

    [Theory]
    [InlineData("Development", TextConsoleFormatter.FormatterName)]
    [InlineData("Production", "json")]
    [InlineData("Staging", "json")]
    public void Environment_PicksTheFormat(string environment, string expected)
    {
        FormatterFor(environment).Should().Be(expected);
    }

    [Theory]
    [InlineData("Production", "text")]
    [InlineData("Development", "json")]
    public void TheSetting_Wins(string environment, string setting)
    {
        FormatterFor(environment, setting).Should().Be(setting);
    }

    [Fact]
    public void AnUnknownFormat_IsASettingsError()
    {
        var read = () => FormatterFor("Production", "txt");

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Logging:Console:FormatterName");
    }

    [Fact]
    public async Task DevelopmentHost_WritesTextLines_WithoutColoursWhenRedirected_AndSaysWhereTheConsoleIs()
    {
        using var data = new TempFolder();
        var port = HostProcess.FreePort();
        await using var host = HostProcess.Start(data.Path, port, environment: new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
        });
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        (await host.Http.GetAsync("/api/workflows")).EnsureSuccessStatusCode();

        string[] lines = [];
        for (var i = 0; i < 50 && !lines.Any(l => l.Contains("HTTP GET /api/workflows answered 200", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
            lines = host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        lines.Should().ContainMatch($"??:??:??.??? INF Host: Console: http://127.0.0.1:{port}/  (API: http://127.0.0.1:{port}/api)",
            "the host prints where the console is, from the address it bound");
        lines.Should().ContainMatch("* INF Requests: HTTP GET /api/workflows answered 200 in * ms");
        lines.Should().NotContain(l => l.StartsWith('{'), "Development writes text, not JSON");
        host.Output.Should().NotContain("\u001b", "the output is redirected");
        lines.Where(l => LinePrefix().IsMatch(l)).Should().HaveCountGreaterThan(3);
    }

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} (TRC|DBG|INF|WRN|ERR|CRT) \S+: ")]
    private static partial Regex LinePrefix();
}
