namespace Serverless.Intake.RequestHandler;

/// <summary>
/// Which files given by URL may be downloaded (section "RequestHandler:FileUrls"). The intake and the storeFiles step
/// fetch those URLs from inside the network, so by default they refuse anything that is not a public http(s) address
/// (see <see cref="Files.FileUrlPolicy"/>).
/// </summary>
public sealed class FileUrlOptions
{
    public const string SectionName = RequestHandlerOptions.SectionName + ":FileUrls";

    /// <summary>
    /// Empty (the default): any host whose addresses are public. Otherwise only these hosts: exact names
    /// ("files.example.com", "127.0.0.1") or "*.suffix" ("*.blob.core.windows.net": any name under it, not the suffix
    /// itself). An exact entry is trusted to be on a private network (an intranet file server); a "*." entry is not.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Accept loopback, link-local (cloud metadata), private, unspecified and multicast addresses for every
    /// host. For tests and closed networks only.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Redirects followed per file (each hop is checked like the first URL).</summary>
    public int MaxRedirects { get; set; } = 5;
}
