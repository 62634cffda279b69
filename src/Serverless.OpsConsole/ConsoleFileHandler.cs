using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Serverless.OpsConsole;

/// <summary>
/// GET of a console file: the path under the console's folder ("" is index.html, which names the current
/// <see cref="ConsoleVersion"/>), its content type, caching (for good under ./v/{version}/, revalidated with an ETag
/// elsewhere), and headers that keep the page to itself: a Content-Security-
/// Policy allowing only its own scripts and styles and calls to its own host (plus the sign-in authority), no framing,
/// no referrer, no type sniffing. Only the file types the console is made of are served.
/// </summary>
public sealed class ConsoleFileHandler(ConsoleFiles files, IOptions<ConsoleOptions> options)
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    public IResult Serve(HttpContext context, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(path) && context.Request.Path.Value is { Length: > 0 } requested && !requested.EndsWith('/'))
        {
            // /api/console without its slash: the page's relative addresses (./app.js) need the folder form.
            return Results.Redirect(requested + "/");
        }

        var relative = string.IsNullOrEmpty(path) || path.EndsWith('/') ? (path ?? string.Empty) + ConsoleFiles.IndexFile : path;
        var versioned = VersionedPath(ref relative, out var requestedVersion);
        if (!options.Value.Enabled || relative.Contains("..", StringComparison.Ordinal) || relative.Contains('\\', StringComparison.Ordinal)
            || !ContentTypes.TryGetValue(Path.GetExtension(relative), out var contentType))
        {
            return NotFound(context, path);
        }

        var file = files.Provider.GetFileInfo(relative);
        if (!file.Exists || file.IsDirectory)
        {
            return NotFound(context, path);
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy(options.Value.SignInOrigin);
        var version = files.Version;
        // A file under the current version's address never changes; an older version's address (a tab opened before
        // an upgrade) gets today's file, revalidated like any other.
        headers.CacheControl = versioned && requestedVersion == version ? "public, max-age=31536000, immutable" : "no-cache";
        if (relative == ConsoleFiles.IndexFile && !versioned)
        {
            using var reader = new StreamReader(file.CreateReadStream());
            var html = ConsoleVersion.IndexPage(reader.ReadToEnd(), version, ConsoleVersion.Modules(files.Provider));
            return Results.Text(html, contentType);
        }

        var tag = new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\"");
        return Results.File(file.CreateReadStream(), contentType, lastModified: file.LastModified, entityTag: tag);
    }

    /// <summary>"v/{version}/core/dom.js" becomes "core/dom.js" with its version; other paths are left alone.</summary>
    private static bool VersionedPath(ref string relative, out string? version)
    {
        version = null;
        if (!relative.StartsWith(ConsoleVersion.Segment, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = relative[ConsoleVersion.Segment.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return false;
        }

        version = rest[..slash];
        relative = rest[(slash + 1)..];
        return true;
    }

    public static string ContentSecurityPolicy(string signInOrigin) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' {signInOrigin}; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    private static IResult NotFound(HttpContext context, string? path) => Results.Problem(
        title: "Not found.",
        detail: $"The console has no file '{path}'.",
        statusCode: StatusCodes.Status404NotFound,
        instance: context.Request.Path);
}
