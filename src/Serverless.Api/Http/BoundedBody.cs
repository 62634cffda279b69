using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Http;

/// <summary>Reads a body whole but never past a limit: a declared Content-Length over it is refused before reading,
/// and a chunked body (no Content-Length) is cut off as soon as it passes the limit.</summary>
public static class BoundedBody
{
    /// <summary>The whole stream, or null when it holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The request body, or a 413 problem naming the limit (also when Kestrel's own limit refused it).</summary>
    internal static async Task<(byte[] Bytes, IResult? Problem)> ReadRequestAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return ([], ApiProblems.TooLarge(maxBytes));
        }

        try
        {
            var bytes = await ReadAsync(request.Body, maxBytes, cancellationToken);
            return bytes is null ? ([], ApiProblems.TooLarge(maxBytes)) : (bytes, null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ([], ApiProblems.TooLarge(maxBytes));
        }
    }
}
