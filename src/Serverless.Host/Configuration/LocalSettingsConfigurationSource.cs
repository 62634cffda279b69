using Microsoft.Extensions.Configuration;

namespace Serverless.Host.Configuration;

/// <summary>Reads local.settings.json, the Azure Functions settings file, so the embedded host and the Functions
/// app share one file: see <see cref="LocalSettingsConfigurationProvider"/> for the mapping.</summary>
public sealed class LocalSettingsConfigurationSource : FileConfigurationSource
{
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new LocalSettingsConfigurationProvider(this);
    }
}
