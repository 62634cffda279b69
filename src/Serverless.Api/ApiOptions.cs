using Serverless.Api.Security;

namespace Serverless.Api;

/// <summary>Limits and access of the HTTP surface (section "Api").</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body accepted (workflow input, event payload); larger requests get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Page size of instance and dead-letter listings when the request gives no limit.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>Largest limit a listing accepts.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Keys accepted by the management API (<c>X-API-Key: key</c> or <c>Authorization: Bearer key</c>).
    /// Several keys allow a rotation: add the new one, move the callers, remove the old one.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>With no <see cref="ApiKeys"/> configured, lets local callers (loopback or in-process, not relayed by
    /// a proxy) use the management API without a key. The Functions app must set it to false: its worker receives
    /// every request from the Functions host over loopback.</summary>
    public bool AllowLoopbackWithoutKey { get; set; } = true;

    /// <summary>Entra ID access tokens accepted beside the keys (section "Api:EntraId"); off unless configured.</summary>
    public EntraIdOptions EntraId { get; set; } = new();
}
