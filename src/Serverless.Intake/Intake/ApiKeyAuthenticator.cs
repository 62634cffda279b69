using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serverless.Api.Security;

namespace Serverless.Intake.Intake;

/// <summary>Checks X-API-Key against RequestHandler:Intake:ApiKeys with the shared constant-time <see cref="KeyRing"/>.
/// With no key configured, a Development host accepts the development key from local callers only (it is public, and
/// scripts/run.sh runs in Development); any other host refuses every request.</summary>
internal sealed class ApiKeyAuthenticator
{
    public const string Header = "X-API-Key";

    private readonly KeyRing keys;

    public ApiKeyAuthenticator(IOptions<IntakeOptions> options, IHostEnvironment environment)
    {
        var configured = options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        UsesDevelopmentKey = configured.Count == 0 && environment.IsDevelopment() && !string.IsNullOrWhiteSpace(options.Value.DevelopmentApiKey);
        keys = new KeyRing(UsesDevelopmentKey ? [options.Value.DevelopmentApiKey] : configured);
    }

    public bool UsesDevelopmentKey { get; }

    public bool HasKeys => !keys.IsEmpty;

    /// <summary>The SHA-256 of the first key, used to sign file links when no dedicated secret is set.</summary>
    public byte[]? FirstKeyHash => keys.FirstHash;

    public bool IsValid(string? presented) => keys.Contains(presented);

    /// <summary>The request's X-API-Key is valid, and when it is the development key the caller is local
    /// (<see cref="ManagementAuth.IsLocal"/>: loopback or in-process, not relayed by a proxy).</summary>
    public bool Accepts(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IsValid(request.Headers[Header]) && (!UsesDevelopmentKey || ManagementAuth.IsLocal(request.HttpContext));
    }
}
