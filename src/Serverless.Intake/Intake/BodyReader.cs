namespace Serverless.Intake.Intake;

internal static class BodyReader
{
    /// <summary>Reads what is left so a signature covers the whole body.</summary>
    public static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var chunk = new byte[64 * 1024];
        while (await body.ReadAsync(chunk, cancellationToken) > 0)
        {
        }
    }
}
