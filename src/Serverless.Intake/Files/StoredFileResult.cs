using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Serverless.Intake.Files;

/// <summary>A stored attachment as a download. Its type comes from the file's extension, never from what the uploader
/// claimed, and types a browser would run (HTML, SVG, XML, scripts) are sent as application/octet-stream; with
/// nosniff, an attachment disposition and a sandboxing CSP, an uploaded page cannot run in this host's origin.</summary>
internal sealed class StoredFileResult(Stream content, string fileName) : IResult
{
    public const string Fallback = "application/octet-stream";

    private static readonly FileExtensionContentTypeProvider Types = new();

    public static string ContentTypeFor(string fileName)
    {
        if (!Types.TryGetContentType(fileName, out var type))
        {
            return Fallback;
        }

        var media = type.Split(';')[0].Trim();
        return IsActive(media) ? Fallback : type;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var headers = httpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        await Results.Stream(content, ContentTypeFor(fileName), fileName).ExecuteAsync(httpContext);
    }

    private static bool IsActive(string media) =>
        media is "text/html" or "application/xhtml+xml" or "image/svg+xml" or "text/xml" or "application/xml"
            or "text/javascript" or "application/javascript" or "application/x-javascript" or "application/ecmascript"
        || media.EndsWith("+xml", StringComparison.Ordinal);
}
