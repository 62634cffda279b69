using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Serverless.OpsConsole;

/// <summary>The console's folder as a file provider (which refuses paths that climb out of it).</summary>
public sealed class ConsoleFiles
{
    public const string IndexFile = "index.html";

    private readonly Lock versionLock = new();
    private string? version;
    private string? versionSignature;
    private long checkedAt;

    public ConsoleFiles(IOptions<ConsoleOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Folder = Locate(options.Value.Folder);
        Provider = Folder is null ? new NullFileProvider() : new PhysicalFileProvider(Folder);
    }

    /// <summary>Null when the folder was not found: every console path then answers 404.</summary>
    public string? Folder { get; }

    public IFileProvider Provider { get; }

    /// <summary>The current <see cref="ConsoleVersion"/>: the files' content is hashed again only when their sizes
    /// or times changed, and those are looked at no more than once a second.</summary>
    public string Version
    {
        get
        {
            lock (versionLock)
            {
                var now = Environment.TickCount64;
                if (version is null || now - checkedAt > 1000)
                {
                    checkedAt = now;
                    var signature = ConsoleVersion.Signature(Provider);
                    if (version is null || signature != versionSignature)
                    {
                        versionSignature = signature;
                        version = ConsoleVersion.Compute(Provider);
                    }
                }

                return version;
            }
        }
    }

    private static string? Locate(string folder)
    {
        if (Path.IsPathRooted(folder))
        {
            return File.Exists(Path.Combine(folder, IndexFile)) ? folder : null;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, folder);
        if (File.Exists(Path.Combine(beside, IndexFile)))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (File.Exists(Path.Combine(candidate, IndexFile)))
            {
                return candidate;
            }
        }

        return null;
    }
}
