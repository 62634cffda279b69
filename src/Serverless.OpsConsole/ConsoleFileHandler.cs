using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Serverless.OpsConsole;

/// <summary>
/// GET of a console file: the path under the console's folder ("" is index.html), its content type, an ETag so the
/// browser revalidates instead of downloading again, and headers that keep the page to itself: a Content-Security-
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
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy(options.Value.SignInOrigin);
        var tag = new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\"");
        return Results.File(file.CreateReadStream(), contentType, lastModified: file.LastModified, entityTag: tag);
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
