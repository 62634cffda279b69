using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Api.Security;

namespace Serverless.Intake.Intake;

/// <summary>The intake's optional request signature (<see cref="BodySignature"/> over <see cref="SignedRequest"/>'s
/// canonical string, shared with webhook triggers), with the intake's own settings: RequestHandler:Intake:SignatureSecrets,
/// RequireSignature and SignatureTolerance.</summary>
internal sealed class SignatureVerifier(IOptions<IntakeOptions> options, TimeProvider clock)
{
    public const string SignatureHeader = BodySignature.SignatureHeader;
    public const string TimestampHeader = BodySignature.TimestampHeader;

    /// <summary>Null when no signature applies to this request; otherwise a check to feed with the body, or an error.</summary>
    public (SignatureCheck? Check, string? Error) Begin(HttpRequest request)
    {
        string? timestamp = request.Headers[TimestampHeader];
        string? signature = request.Headers[SignatureHeader];
        var o = options.Value;
        var secrets = o.SignatureSecrets.Where(s => !string.IsNullOrEmpty(s)).ToList();
        if (string.IsNullOrEmpty(signature) && string.IsNullOrEmpty(timestamp))
        {
            return o.RequireSignature ? (null, $"The {SignatureHeader} and {TimestampHeader} headers are required.") : (null, null);
        }

        if (secrets.Count == 0)
        {
            return (null, "The request is signed but no signature secret is configured (RequestHandler:Intake:SignatureSecrets).");
        }

        var error = BodySignature.CheckHeaders(timestamp, signature, clock.GetUtcNow(), o.SignatureTolerance, out var expected);
        return error is null ? (BodySignature.Begin(secrets, request, timestamp!, expected), null) : (null, error);
    }
}
