using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Http;

/// <summary>Reads a request body as JSON: empty means null, invalid JSON becomes a 400 naming the line and
/// position, text that is not valid Unicode a 400 naming its JSON path (<see cref="RequestText"/>), and a body
/// over the limit a 413. Reading it ourselves (instead of model binding) is what lets
/// the same handler run under the Functions worker, and lets any JSON value be a workflow input.</summary>
public static class JsonBody
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static async Task<(JsonNode? Value, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var (bytes, tooLarge) = await BoundedBody.ReadRequestAsync(request, maxBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return (null, tooLarge);
        }

        if (IsBlank(bytes))
        {
            return (null, null);
        }

        try
        {
            using (var document = JsonDocument.Parse(bytes, DocumentOptions))
            {
                if (RequestText.FindInJson(document.RootElement) is { } invalid)
                {
                    return (null, RequestText.Problem(invalid, request.Path));
                }
            }

            return (JsonNode.Parse(bytes, documentOptions: DocumentOptions), null);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            var message = $"The request body is not valid JSON at line {line}, position {position}: {FirstSentence(ex.Message)}";
            return (null, Results.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = [message] },
                detail: message,
                instance: request.Path,
                title: "The request body is not valid JSON.",
                extensions: new Dictionary<string, object?> { ["line"] = line, ["position"] = position }));
        }
    }

    private static bool IsBlank(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
