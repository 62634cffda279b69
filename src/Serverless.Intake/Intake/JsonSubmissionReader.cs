using System.Text.Json;
using Microsoft.Extensions.Options;
using Serverless.Api.Http;
using Serverless.Intake.Files;

namespace Serverless.Intake.Intake;

/// <summary>Reads the JSON form: text fields as strings, files as {name, contentType, contentBase64} (decoded and
/// staged one at a time) or {name, url}. Every problem is recorded; nothing here throws for a client's mistake.</summary>
internal sealed class JsonSubmissionReader(FileStager stager, FileUrlPolicy urls, IOptions<IntakeOptions> options)
{
    public async Task<IntakeSubmission> ReadAsync(Stream body, string uploadId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var submission = new IntakeSubmission();
        JsonDocument document;
        try
        {
            // Parsed straight from the body (one pooled buffer), never copied into an intermediate array first.
            await using var limited = new MeasuringStream(body, o.MaxJsonBodyBytes);
            document = await JsonDocument.ParseAsync(limited, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
        }
        catch (FileTooLargeException)
        {
            submission.Errors.AddTooLarge("body", $"The JSON body is larger than {o.MaxJsonBodyBytes} bytes (RequestHandler:Intake:MaxJsonBodyBytes); send large files as multipart/form-data.");
            return submission;
        }
        catch (JsonException ex)
        {
            submission.Errors.Add("body", $"The body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}).");
            return submission;
        }

        using (document)
        {
            if (RequestText.FindInJson(document.RootElement) is { } invalid)
            {
                // Intake names its fields as the form does ("objet", "fichiers[0].name"), not as JSON paths.
                var field = invalid.Field.StartsWith("$.", StringComparison.Ordinal) ? invalid.Field[2..] : invalid.Field;
                submission.Errors.Add(field, invalid.Message.Replace($"'{invalid.Field}'", $"'{field}'", StringComparison.Ordinal));
                return submission;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                submission.Errors.Add("body", "The body must be a JSON object with the fields source, objet, description, user_email, user_name and optionally fichiers.");
                return submission;
            }

            foreach (var name in IntakeFields.Text)
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
                {
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        submission.Fields[name] = value.GetString();
                    }
                    else
                    {
                        submission.Errors.Add(name, $"'{name}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}.");
                        submission.Fields[name] = "";
                    }
                }
            }

            if (document.RootElement.TryGetProperty(IntakeFields.Files, out var files) && files.ValueKind != JsonValueKind.Null)
            {
                await ReadFilesAsync(files, submission, uploadId, cancellationToken);
            }
        }

        return submission;
    }

    private async Task ReadFilesAsync(JsonElement files, IntakeSubmission submission, string uploadId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (files.ValueKind != JsonValueKind.Array)
        {
            submission.Errors.Add(IntakeFields.Files, "'fichiers' must be an array of {name, contentType, contentBase64} or {name, url}.");
            return;
        }

        var count = files.GetArrayLength();
        if (count > o.MaxFiles)
        {
            submission.Errors.AddTooLarge(IntakeFields.Files, $"At most {o.MaxFiles} files are accepted, not {count} (RequestHandler:Intake:MaxFiles).");
            return;
        }

        var index = 0;
        foreach (var item in files.EnumerateArray())
        {
            var field = $"{IntakeFields.Files}[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                submission.Errors.Add(field, "Each file must be an object {name, contentType, contentBase64} or {name, url}.");
            }
            else if (await ReadFileAsync(item, field, index, submission, uploadId, cancellationToken) is { } file)
            {
                submission.Files.Add(file);
            }

            index++;
        }
    }

    private async Task<IntakeFile?> ReadFileAsync(JsonElement item, string field, int index, IntakeSubmission submission, string uploadId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var name = Text(item, "name");
        var contentType = Text(item, "contentType") ?? "application/octet-stream";
        var url = Text(item, "url");
        var hasContent = item.TryGetProperty("contentBase64", out var content) && content.ValueKind != JsonValueKind.Null;
        if (string.IsNullOrWhiteSpace(name))
        {
            submission.Errors.Add($"{field}.name", "Each file needs a 'name' (with its extension).");
        }

        if (hasContent == (url is not null))
        {
            submission.Errors.Add(field, "Give exactly one of 'contentBase64' or 'url'.");
            return null;
        }

        if (url is not null)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                submission.Errors.Add($"{field}.url", "'url' must be an absolute http(s) URL.");
                return null;
            }

            if (urls.Refusal(uri) is { } refusal)
            {
                // SSRF: the download runs inside the network. The resolved addresses are checked again at download time.
                submission.Errors.Add($"{field}.url", $"'url' is refused: {refusal}");
                return null;
            }

            return string.IsNullOrWhiteSpace(name) ? null : new IntakeFile { Name = name, ContentType = Text(item, "contentType"), Url = url };
        }

        if (content.ValueKind != JsonValueKind.String || !content.TryGetBytesFromBase64(out var bytes))
        {
            submission.Errors.Add($"{field}.contentBase64", "'contentBase64' must be a base64 string.");
            return null;
        }

        if (bytes.Length > o.MaxFileBytes)
        {
            submission.Errors.AddTooLarge($"{field}.contentBase64", $"The file is {bytes.Length} bytes; the limit is {o.MaxFileBytes} (RequestHandler:Intake:MaxFileBytes).");
            return null;
        }

        if (string.IsNullOrWhiteSpace(name) || submission.Errors.Any)
        {
            // Nothing is staged for a request that will be refused anyway.
            return new IntakeFile { Name = name ?? "", ContentType = contentType };
        }

        using var stream = new MemoryStream(bytes, writable: false);
        var staged = await stager.StageAsync(uploadId, index, name, contentType, stream, o.MaxFileBytes, cancellationToken);
        return new IntakeFile { Name = name, ContentType = contentType, Staged = staged };
    }

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
