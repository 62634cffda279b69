namespace Serverless.Host.Tests.Crm;

/// <summary>One Server-Sent Events frame: its fields (comments are skipped).</summary>
internal sealed record SseFrame(string? Id, string? Event, string Data);

/// <summary>Reads frames off a text/event-stream body as a browser's EventSource does: "field: value" lines up to a
/// blank line, ":" lines ignored, several data lines joined by "\n".</summary>
internal sealed class SseReader(Stream body) : IDisposable
{
    private readonly StreamReader reader = new(body);

    /// <summary>The next frame with at least one field, or null when the stream ended.</summary>
    public async Task<SseFrame?> NextAsync(CancellationToken cancellationToken)
    {
        string? id = null, name = null;
        List<string> data = [];
        var any = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (any)
                {
                    return new SseFrame(id, name, string.Join('\n', data));
                }

                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            value = value.StartsWith(' ') ? value[1..] : value;
            any = true;
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    name = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
            }
        }

        return null;
    }

    public void Dispose() => reader.Dispose();
}
