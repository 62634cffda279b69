using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Serverless.Api.Security;
using Serverless.Api.Workflows;
using Serverless.Runtime.Abstractions;
using Serverless.Storage.Dedup;

namespace Serverless.Intake.Intake;

/// <summary>
/// POST /api/intake/requests. Order matters: authenticate (API key, then the signature's timestamp) before reading
/// a byte of body; stage files while reading; verify the signature over the canonical string and the whole body;
/// validate everything at once; claim the signature (a resend of an accepted signed request gets its instance back);
/// start the instance (committed to the runtime's store before StartAsync returns); only then answer 202.
/// </summary>
internal sealed class IntakeHandler(
    ApiKeyAuthenticator keys,
    SignatureVerifier signatures,
    JsonSubmissionReader jsonReader,
    MultipartSubmissionReader multipartReader,
    SubmissionValidator validator,
    FileStager stager,
    IdempotentStarter starter,
    SignedRequestReplayGuard replays,
    IOptions<IntakeOptions> options,
    TimeProvider clock,
    ILogger<IntakeHandler> logger)
{
    public const string IdempotencyKeyHeader = StartInstanceHandler.IdempotencyKeyHeader;

    /// <summary>Dedup scope (table store partition) of the accepted intake signatures.</summary>
    public const string ReplayScope = "intake-signed-requests";

    public async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!keys.Accepts(request))
        {
            return IntakeResults.Unauthorized(keys.UsesDevelopmentKey
                ? $"Send the development key in the {ApiKeyAuthenticator.Header} header, from this machine; other callers need RequestHandler:Intake:ApiKeys."
                : keys.HasKeys
                ? $"Send a valid API key in the {ApiKeyAuthenticator.Header} header."
                : "No API key is configured (RequestHandler:Intake:ApiKeys), so every request is refused.");
        }

        var (check, signatureError) = signatures.Begin(request);
        if (signatureError is not null)
        {
            return IntakeResults.Unauthorized(signatureError);
        }

        using (check)
        {
            return await HandleBodyAsync(context, check, cancellationToken);
        }
    }

    private async Task<IResult> HandleBodyAsync(HttpContext context, SignatureCheck? check, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var o = options.Value;
        var isJson = IsJson(request.ContentType);
        var boundary = isJson ? null : MultipartBoundary(request.ContentType);
        if (!isJson && boundary is null)
        {
            return IntakeResults.Invalid(415, "body", $"Content-Type must be application/json or multipart/form-data, not '{request.ContentType}'.");
        }

        var limit = isJson ? o.MaxJsonBodyBytes : (o.MaxFiles * o.MaxFileBytes) + (8L * 1024 * 1024);
        if (request.ContentLength > limit)
        {
            return IntakeResults.Invalid(413, "body", $"The body is {request.ContentLength} bytes; the limit for this content type is {limit}.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var uploadId = Guid.NewGuid().ToString("N");
        var body = check is null ? request.Body : new SigningStream(request.Body, check);
        IntakeSubmission submission;
        try
        {
            submission = isJson
                ? await jsonReader.ReadAsync(body, uploadId, cancellationToken)
                : await multipartReader.ReadAsync(body, boundary!, uploadId, cancellationToken);
            await BodyReader.DrainAsync(body, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await stager.DiscardStagingAsync(uploadId);
            return IntakeResults.Invalid(413, "body", $"The body is larger than {limit} bytes.");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            await stager.DiscardStagingAsync(uploadId);
            return IntakeResults.Invalid(400, "body", $"The multipart body could not be read: {ex.Message}");
        }

        if (check is not null && !check.Matches())
        {
            await stager.DiscardAsync(submission.Files);
            return IntakeResults.Unauthorized($"{SignatureVerifier.SignatureHeader} does not match the request.");
        }

        validator.Validate(submission);
        if (submission.Errors.Any)
        {
            await stager.DiscardAsync(submission.Files);
            var fields = string.Join(", ", submission.Errors.ToDictionary().Keys);
            IntakeLog.Refused(logger, submission.Errors.Status, fields);
            return IntakeResults.Invalid(submission.Errors);
        }

        var dryRun = string.Equals(request.Query["dryRun"], "true", StringComparison.OrdinalIgnoreCase);
        var key = RequestFingerprint.Key(request.Headers[IdempotencyKeyHeader], submission, dryRun);
        var now = clock.GetUtcNow();
        var trigger = new JsonObject
        {
            ["type"] = "webhook",
            ["route"] = IntakeRoutes.Requests,
            ["contentType"] = isJson ? "application/json" : "multipart/form-data",
            ["receivedAt"] = now.ToString("O"),
        };
        var signature = check?.Signature;
        if (signature is not null)
        {
            var claim = await replays.ClaimAsync(ReplayScope, signature, o.SignatureTolerance, cancellationToken);
            if (!claim.IsFirst)
            {
                await stager.DiscardAsync(submission.Files);
                if (claim.Outcome is not { } firstInstance)
                {
                    return IntakeResults.ReplayInFlight();
                }

                IntakeLog.Duplicate(logger, firstInstance);
                return IntakeResults.Existing(firstInstance);
            }
        }

        StartResult result;
        try
        {
            result = await starter.StartAsync(key, WorkflowInput.From(submission, now), trigger, dryRun, cancellationToken);
        }
        catch when (signature is not null)
        {
            // Nothing was started: the same request may be sent again.
            await replays.ReleaseAsync(ReplayScope, signature, CancellationToken.None);
            throw;
        }

        if (signature is not null)
        {
            await replays.RecordAsync(ReplayScope, signature, result.InstanceId, o.SignatureTolerance, CancellationToken.None);
        }

        if (!result.Created)
        {
            await stager.DiscardAsync(submission.Files);
            IntakeLog.Duplicate(logger, result.InstanceId);
            return IntakeResults.Existing(result.InstanceId);
        }

        IntakeLog.Accepted(logger, result.InstanceId, submission.Files.Count, dryRun);
        return IntakeResults.Accepted(result.InstanceId);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static string? MultipartBoundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200 ? null : boundary;
    }
}
