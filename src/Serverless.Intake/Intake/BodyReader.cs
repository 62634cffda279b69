namespace Serverless.Intake.Intake;

internal static class BodyReader
{
    /// <summary>The whole body, or null when it holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
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

    /// <summary>Reads what is left so a signature covers the whole body.</summary>
    public static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var chunk = new byte[64 * 1024];
        while (await body.ReadAsync(chunk, cancellationToken) > 0)
        {
        }
    }
}
