namespace Serverless.Api.Security;

/// <summary>Entra ID (Azure AD) sign-in to the management API (section "Api:EntraId"): with these set, an Entra ID
/// v2.0 access token in <c>Authorization: Bearer</c> is accepted beside the API keys. Off while TenantId, ClientId and
/// Audience are all empty.</summary>
public sealed class EntraIdOptions
{
    public const string SectionName = ApiOptions.SectionName + ":EntraId";
    public const string DefaultInstance = "https://login.microsoftonline.com/";

    /// <summary>The login host; tokens are issued by <c>{Instance}{TenantId}/v2.0</c>.</summary>
    public string Instance { get; set => field = string.IsNullOrWhiteSpace(value) ? DefaultInstance : value.Trim(); } = DefaultInstance;

    /// <summary>The directory (tenant) ID, a GUID: only users of this tenant sign in.</summary>
    public string TenantId { get; set => field = value?.Trim() ?? ""; } = "";

    /// <summary>Application (client) ID of the console's app registration (a single-page app, public client).</summary>
    public string ClientId { get; set => field = value?.Trim() ?? ""; } = "";

    /// <summary>The API's application ID URI (<c>api://...</c>) or client ID; empty is <c>api://{ClientId}</c> (the
    /// console's registration exposes the API). v2.0 tokens carry the API's client ID as <c>aud</c>, which is accepted
    /// too when the URI is the default <c>api://{client id}</c>.</summary>
    public string Audience { get; set => field = value?.Trim() ?? ""; } = "";

    /// <summary>The delegated permission the console asks for and the API requires in <c>scp</c> (e.g.
    /// <c>access_as_user</c>); empty asks for <c>{Audience}/.default</c> and requires only that the token is a
    /// user's (has <c>scp</c>).</summary>
    public string Scope { get; set => field = value?.Trim() ?? ""; } = "";

    /// <summary>An app role the token must carry in <c>roles</c> (e.g. <c>Console.Operator</c>), so only users (or
    /// groups) assigned to it get in. With it, application tokens (client credentials) granted the role pass too.</summary>
    public string RequiredRole { get; set => field = value?.Trim() ?? ""; } = "";

    /// <summary>True when any of TenantId, ClientId, Audience is set (the validator then requires the rest). Values are
    /// kept trimmed.</summary>
    public bool Enabled => TenantId.Length > 0 || ClientId.Length > 0 || Audience.Length > 0;

    /// <summary><see cref="Instance"/> with one trailing slash.</summary>
    public string InstanceUrl => Instance.TrimEnd('/') + "/";

    /// <summary>The v2.0 issuer and authority: <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string Authority => $"{InstanceUrl}{TenantId}/v2.0";

    public string MetadataAddress => $"{Authority}/.well-known/openid-configuration";

    public string EffectiveAudience => Audience.Length == 0 ? $"api://{ClientId}" : Audience;

    /// <summary>The scope the console requests: <c>{Audience}/{Scope}</c> or <c>{Audience}/.default</c>.</summary>
    public string RequestedScope => $"{EffectiveAudience.TrimEnd('/')}/{(Scope.Length == 0 ? ".default" : Scope)}";

    /// <summary>The <c>aud</c> values accepted: the audience, and the client ID inside a default <c>api://{guid}</c>
    /// URI (what v2.0 tokens carry).</summary>
    public IReadOnlyList<string> ValidAudiences
    {
        get
        {
            var audience = EffectiveAudience;
            const string Prefix = "api://";
            var inner = audience.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? audience[Prefix.Length..].TrimEnd('/') : null;
            return inner is not null && Guid.TryParse(inner, out _) ? [audience, inner] : [audience];
        }
    }
}
