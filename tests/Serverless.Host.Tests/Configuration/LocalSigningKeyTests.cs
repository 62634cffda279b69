using Microsoft.Extensions.Configuration;
using Serverless.Host.Configuration;

namespace Serverless.Host.Tests.Configuration;

public sealed class LocalSigningKeyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "signing-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private ConfigurationManager Configuration(string? configuredKey = null)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("Runtime:DataFolder", folder), new(LocalSigningKey.SettingKey, configuredKey)]);
        configuration.AddLocalSigningKey();
        return configuration;
    }

    [Fact]
    public void AddLocalSigningKey_NoKeyConfigured_GeneratesOneOwnerOnlyAndKeepsItAcrossStarts()
    {
        var first = Configuration()[LocalSigningKey.SettingKey];
        var second = Configuration()[LocalSigningKey.SettingKey];

        first.Should().NotBeNullOrWhiteSpace().And.HaveLength(64);
        second.Should().Be(first);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(folder, LocalSigningKey.FileName)).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void AddLocalSigningKey_KeyConfigured_UsesItAndWritesNothing()
    {
        var key = new string('k', 40);

        Configuration(key)[LocalSigningKey.SettingKey].Should().Be(key);
        File.Exists(Path.Combine(folder, LocalSigningKey.FileName)).Should().BeFalse();
    }
}
