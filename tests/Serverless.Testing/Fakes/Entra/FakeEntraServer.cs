using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Serverless.Testing.Fakes.Entra;

/// <summary>
/// An Entra ID (Microsoft identity platform v2.0) tenant's public endpoints on a local Kestrel server (127.0.0.1, a port
/// the OS picks): the OpenID Connect metadata at <c>/{tenant}/v2.0/.well-known/openid-configuration</c> and the JWKS it
/// names at <c>/{tenant}/discovery/v2.0/keys</c>, with RSA keys this fake holds, plus <see cref="CreateToken"/> to
/// sign v2.0 access tokens as the tenant would (issuer <c>{base}/{tenant}/v2.0</c>, kid, RS256). <see cref="Settings"/>
/// points Api:EntraId at it. Keys can be rotated (<see cref="RotateKey"/>) and the endpoints counted or made to fail.
/// </summary>
public sealed class FakeEntraServer : IAsyncDisposable
{
    public const string TenantId = "7f0c2d43-5b8e-4c1a-9d2f-3e6a1b9c0d11";
    public const string ClientId = "0b5e8f3a-2c71-4d9e-8a46-1f2e3d4c5b6a";
    public const string Scope = "access_as_user";

    private static readonly string[] ResponseTypes = ["code", "id_token", "code id_token"];
    private static readonly string[] SubjectTypes = ["pairwise"];
    private static readonly string[] Algorithms = ["RS256"];
    private static readonly string[] Scopes = ["openid", "profile", "email", "offline_access"];

    private readonly ConcurrentDictionary<string, RsaSecurityKey> published = new(StringComparer.Ordinal);
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private WebApplication? app;
    private int metadataRequests;
    private int keyRequests;
    private int keyCounter;

    private FakeEntraServer()
    {
        CurrentKey = NewKey();
        published[CurrentKey.KeyId] = CurrentKey;
    }

    /// <summary>http://127.0.0.1:{port}, without a trailing slash.</summary>
    public string BaseAddress { get; private set; } = "";

    /// <summary>Api:EntraId:Instance: the base address with a trailing slash.</summary>
    public string Instance => BaseAddress + "/";

    /// <summary>The issuer of v2.0 tokens of <see cref="TenantId"/>.</summary>
    public string Issuer => $"{BaseAddress}/{TenantId}/v2.0";

    /// <summary>The application ID URI the tokens are for (and the audience setting).</summary>
    public static string AudienceUri => $"api://{ClientId}";

    /// <summary>The key new tokens are signed with.</summary>
    public RsaSecurityKey CurrentKey { get; private set; }

    public int MetadataRequests => Volatile.Read(ref metadataRequests);

    public int KeyRequests => Volatile.Read(ref keyRequests);

    /// <summary>While true both endpoints answer 503 (the tenant cannot be reached).</summary>
    public bool Unavailable { get; set; }

    public static async Task<FakeEntraServer> StartAsync()
    {
        var server = new FakeEntraServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var web = builder.Build();
        web.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", server.Metadata);
        web.MapGet("/{tenant}/discovery/v2.0/keys", server.Keys);
        await web.StartAsync();
        server.app = web;
        server.BaseAddress = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>Api:EntraId settings for this tenant: the console's registration exposes the API (audience
    /// api://{client id}) and its scope is required; <paramref name="requiredRole"/> adds an app role.</summary>
    public Dictionary<string, string?> Settings(string? requiredRole = null) => new()
    {
        ["Api:EntraId:Instance"] = Instance,
        ["Api:EntraId:TenantId"] = TenantId,
        ["Api:EntraId:ClientId"] = ClientId,
        ["Api:EntraId:Audience"] = AudienceUri,
        ["Api:EntraId:Scope"] = Scope,
        ["Api:EntraId:RequiredRole"] = requiredRole,
    };

    /// <summary>Publishes a new signing key, signs new tokens with it, and (unless <paramref name="keepOld"/>) stops
    /// publishing the previous one.</summary>
    public RsaSecurityKey RotateKey(bool keepOld = false)
    {
        var previous = CurrentKey;
        CurrentKey = NewKey();
        published[CurrentKey.KeyId] = CurrentKey;
        if (!keepOld)
        {
            published.TryRemove(previous.KeyId, out _);
        }

        return CurrentKey;
    }

    /// <summary>A key this tenant never publishes; <paramref name="kid"/> may reuse a published key's id (a forged
    /// signature) or be new (an unknown key).</summary>
    public static RsaSecurityKey UnpublishedKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    /// <summary>A v2.0 access token as Entra ID issues it for a signed-in user: aud = the API's client ID, scp =
    /// <see cref="Scope"/>, valid for an hour. Every part can be changed to make a token the API must refuse.</summary>
    public string CreateToken(
        string? audience = ClientId,
        string? issuer = null,
        DateTime? expires = null,
        string? scp = Scope,
        IEnumerable<string>? roles = null,
        SecurityKey? signingKey = null,
        bool idToken = false)
    {
        var exp = expires ?? DateTime.UtcNow.AddHours(1);
        var claims = new Dictionary<string, object>
        {
            ["tid"] = TenantId,
            ["oid"] = "3c9a1f7e-0d2b-4e5f-8a6c-7b1d2e3f4a5b",
            ["preferred_username"] = "ada@contoso.example",
            ["ver"] = "2.0",
        };
        if (!idToken)
        {
            // Access tokens name the client that asked for them; ID tokens (same issuer, keys and audience) do not.
            claims["azp"] = ClientId;
        }

        if (scp is not null)
        {
            claims["scp"] = scp;
        }

        if (roles is not null)
        {
            claims["roles"] = roles.ToArray();
        }

        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = exp.AddHours(-1),
            NotBefore = exp.AddHours(-1),
            Expires = exp,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey ?? CurrentKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = $"fake-key-{Interlocked.Increment(ref keyCounter)}" };

    private IResult Metadata(string tenant)
    {
        Interlocked.Increment(ref metadataRequests);
        if (Unavailable)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var root = $"{BaseAddress}/{tenant}";
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = $"{root}/v2.0",
            ["authorization_endpoint"] = $"{root}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{root}/oauth2/v2.0/token",
            ["jwks_uri"] = $"{root}/discovery/v2.0/keys",
            ["response_types_supported"] = ResponseTypes,
            ["subject_types_supported"] = SubjectTypes,
            ["id_token_signing_alg_values_supported"] = Algorithms,
            ["scopes_supported"] = Scopes,
        });
    }

    private IResult Keys()
    {
        Interlocked.Increment(ref keyRequests);
        if (Unavailable)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var keys = published.Values.Select(key =>
        {
            var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
            return new Dictionary<string, string>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
            };
        }).ToList();
        return Results.Json(new { keys });
    }
}
