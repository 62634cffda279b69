using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;

namespace Serverless.Host.Configuration;

public static class HostConfigurationExtensions
{
    /// <summary>
    /// Orders the settings sources as the Functions host does, lowest first: embedded defaults, local.settings.json
    /// <c>Values</c>, environment variables, command line. WebApplication.CreateBuilder has already added the last
    /// two, so the first two are inserted before the (unprefixed) environment-variable source.
    /// </summary>
    public static ConfigurationManager AddHostSettings(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        var file = configuration[HostDefaults.SettingsFileKey];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(file) ? HostDefaults.SettingsFileName : file, environment.ContentRootPath);
        var explicitFile = !string.IsNullOrWhiteSpace(file);
        if (explicitFile && !File.Exists(path))
        {
            throw new FileNotFoundException($"The settings file named by '{HostDefaults.SettingsFileKey}' does not exist: {path}", path);
        }

        var settingsFile = new LocalSettingsConfigurationSource
        {
            Path = Path.GetFileName(path),
            Optional = !explicitFile,
            ReloadOnChange = false,
            FileProvider = Directory.Exists(Path.GetDirectoryName(path))
                ? new PhysicalFileProvider(Path.GetDirectoryName(path)!)
                : null,
        };

        var sources = configuration.Sources;
        var position = 0;
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            if (sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                position = i;
                break;
            }
        }

        sources.Insert(position, settingsFile);
        sources.Insert(position, new MemoryConfigurationSource { InitialData = HostDefaults.Values });
        return configuration.UseRuntimeDataFolderForStorage();
    }

    /// <summary>One data folder unless told otherwise: when Storage:DataFolder is set nowhere, documents and blobs live
    /// in Runtime:DataFolder, next to the runtime database, the sandbox log and the signing key.</summary>
    private static ConfigurationManager UseRuntimeDataFolderForStorage(this ConfigurationManager configuration)
    {
        if (configuration["Storage:DataFolder"] is null)
        {
            configuration.AddInMemoryCollection([new("Storage:DataFolder", configuration["Runtime:DataFolder"])]);
        }

        return configuration;
    }
}
