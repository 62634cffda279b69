namespace Serverless.Host.Web;

/// <summary>Settings of the embedded web host (section "Host", also what local.settings.json's "Host" object feeds).</summary>
public sealed class EmbeddedHostOptions
{
    public const string SectionName = "Host";

    /// <summary>Port of http://localhost used when no <c>urls</c> setting (ASPNETCORE_URLS, --urls) is given.</summary>
    public int LocalHttpPort { get; set; } = Configuration.HostDefaults.HttpPort;
}
