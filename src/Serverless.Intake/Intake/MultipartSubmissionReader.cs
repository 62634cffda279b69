using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Serverless.Api.Http;

namespace Serverless.Intake.Intake;

/// <summary>Reads multipart/form-data section by section: text parts are the fields, parts with a file name are
/// the files, streamed straight into the staging area (never held in memory whole).</summary>
internal sealed class MultipartSubmissionReader(FileStager stager, IOptions<IntakeOptions> options)
{
    private const int MaxTextFieldBytes = 1024 * 1024;

    public async Task<IntakeSubmission> ReadAsync(Stream body, string boundary, string uploadId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var submission = new IntakeSubmission();
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = null, HeadersLengthLimit = 16 * 1024 };
        var index = 0;
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fieldName = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                await ReadFileAsync(section, fileName, index++, submission, uploadId, cancellationToken);
            }
            else if (IntakeFields.Text.Contains(fieldName))
            {
                var bytes = await ReadTextAsync(section.Body, cancellationToken);
                if (bytes is null)
                {
                    submission.Errors.AddTooLarge(fieldName, $"'{fieldName}' is larger than {MaxTextFieldBytes} bytes.");
                }
                else if (RequestText.FindInUtf8(fieldName, bytes) is { } invalid)
                {
                    submission.Errors.Add(invalid.Field, invalid.Message);
                    submission.Fields[fieldName] = "";
                }
                else
                {
                    submission.Fields[fieldName] = Encoding.UTF8.GetString(bytes);
                }
            }
        }

        if (index > o.MaxFiles)
        {
            submission.Errors.AddTooLarge(IntakeFields.Files, $"At most {o.MaxFiles} files are accepted, not {index} (RequestHandler:Intake:MaxFiles).");
        }

        return submission;
    }

    private async Task ReadFileAsync(MultipartSection section, string fileName, int index, IntakeSubmission submission, string uploadId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var field = $"{IntakeFields.Files}[{index}]";
        var contentType = string.IsNullOrWhiteSpace(section.ContentType) ? "application/octet-stream" : section.ContentType;
        if (index >= o.MaxFiles || string.IsNullOrWhiteSpace(fileName))
        {
            if (string.IsNullOrWhiteSpace(fileName))
            {
                submission.Errors.Add($"{field}.name", "Each file part needs a file name (with its extension).");
            }

            await BodyReader.DrainAsync(section.Body, cancellationToken);
            return;
        }

        var staged = await stager.StageAsync(uploadId, index, fileName, contentType, section.Body, o.MaxFileBytes, cancellationToken);
        if (staged is null)
        {
            submission.Errors.AddTooLarge($"{field}.content", $"'{fileName}' is larger than {o.MaxFileBytes} bytes (RequestHandler:Intake:MaxFileBytes).");
            await BodyReader.DrainAsync(section.Body, cancellationToken);
            submission.Files.Add(new IntakeFile { Name = fileName, ContentType = contentType });
            return;
        }

        submission.Files.Add(new IntakeFile { Name = fileName, ContentType = contentType, Staged = staged });
    }

    private static async Task<byte[]?> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        var bytes = await BoundedBody.ReadAsync(body, MaxTextFieldBytes, cancellationToken);
        if (bytes is null)
        {
            await BodyReader.DrainAsync(body, cancellationToken);
        }

        return bytes;
    }
}
