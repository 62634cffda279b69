using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileProviders;

namespace Serverless.OpsConsole;

/// <summary>
/// The console's files as one version: a short SHA-256 of every file's path and content, so an edited or upgraded
/// file changes it whatever its size and time. The index page loads everything under ./v/{version}/, which makes each file's address unique to
/// its content and lets the browser keep it for good (no request at all on the next visit), and it lists the frame's
/// modules as modulepreload links so a first visit fetches them side by side instead of one import level at a time.
/// </summary>
public static class ConsoleVersion
{
    public const string Segment = "v/";

    public static string Compute(IFileProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, file) in Files(provider, string.Empty))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
            using var stream = file.CreateReadStream();
            var buffer = new byte[8192];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer.AsSpan(0, read));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    /// <summary>Paths, sizes and times of every file: cheap to read, and it changes whenever a file does.</summary>
    public static string Signature(IFileProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var text = new StringBuilder();
        foreach (var (path, file) in Files(provider, string.Empty))
        {
            text.Append(CultureInfo.InvariantCulture, $"{path}|{file.Length}|{file.LastModified.UtcTicks}\n");
        }

        return text.ToString();
    }

    /// <summary>The modules every page needs before it can draw (relative paths with '/'), in a stable order: the
    /// frame (app.js, systems.js, core/) and each system's route table and texts. A page's own code is imported when
    /// the page is first opened, so it is not preloaded.</summary>
    public static IReadOnlyList<string> Modules(IFileProvider provider) =>
        [.. Files(provider, string.Empty).Select(f => f.Path).Where(IsFrameModule)];

    private static bool IsFrameModule(string path)
    {
        if (!path.EndsWith(".js", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = path.Split('/');
        return parts.Length == 1
            || (parts.Length == 2 && parts[0] == "core")
            || (parts.Length == 3 && parts[0] == "systems" && parts[2] is "index.js" or "messages.js");
    }

    /// <summary>index.html with its two entry points moved under ./v/{version}/ and a modulepreload link per module.</summary>
    public static string IndexPage(string html, string version, IReadOnlyList<string> modules)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(modules);
        var prefix = $"./{Segment}{version}/";
        var preloads = string.Concat(modules.Select(m => $"  <link rel=\"modulepreload\" href=\"{prefix}{m}\">\n"));
        return html
            .Replace("href=\"./styles.css\"", $"href=\"{prefix}styles.css\"", StringComparison.Ordinal)
            .Replace("<script type=\"module\" src=\"./app.js\"></script>", preloads + $"  <script type=\"module\" src=\"{prefix}app.js\"></script>", StringComparison.Ordinal);
    }

    private static IEnumerable<(string Path, IFileInfo File)> Files(IFileProvider provider, string folder)
    {
        foreach (var entry in provider.GetDirectoryContents(folder).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var path = folder.Length == 0 ? entry.Name : $"{folder}/{entry.Name}";
            if (entry.IsDirectory)
            {
                foreach (var inner in Files(provider, path))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return (path, entry);
            }
        }
    }
}
