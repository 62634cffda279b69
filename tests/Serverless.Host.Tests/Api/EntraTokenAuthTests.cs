using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Api.Security;
using Serverless.Testing.Fakes.Entra;

namespace Serverless.Host.Tests.Api;

/// <summary>Entra ID access tokens through <see cref="ManagementAuth"/>, against a fake tenant (OpenID Connect metadata
/// and JWKS on a local Kestrel server) whose keys sign the tokens.</summary>
public sealed class EntraTokenAuthTests : IAsyncLifetime
{
    private const string Key = "test-management-key-0123456789";

    private FakeEntraServer entra = null!;

    public async Task InitializeAsync() => entra = await FakeEntraServer.StartAsync();

    public async Task DisposeAsync() => await entra.DisposeAsync();

    [Fact]
    public async Task ValidUserToken_Passes_AndBecomesTheUser()
    {
        using var harness = Harness();
        var context = Bearer(entra.CreateToken());

        var result = await harness.Auth.AuthenticateAsync(context);

        result.Should().Be(ManagementAuthResult.EntraToken);
        context.User.Identity!.Name.Should().Be("ada@contoso.example");
    }

    [Fact]
    public async Task TokenForTheApplicationIdUri_Passes()
    {
        using var harness = Harness();

        (await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken(audience: FakeEntraServer.AudienceUri)))).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task WrongAudience_IsRefused_InvalidAudience()
    {
        using var harness = Harness();

        var result = await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken(audience: "00000003-0000-0000-c000-000000000000")));

        result.Reason.Should().Be("invalid_audience");
        result.StatusCode.Should().Be(401);
        result.Detail.Should().Contain("00000003-0000-0000-c000-000000000000").And.Contain("Api:EntraId:Audience");
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/7f0c2d43-5b8e-4c1a-9d2f-3e6a1b9c0d11/v2.0", "")]
    [InlineData("https://sts.windows.net/7f0c2d43-5b8e-4c1a-9d2f-3e6a1b9c0d11/", "requestedAccessTokenVersion")]
    public async Task WrongIssuer_IsRefused_InvalidIssuer(string issuer, string hint)
    {
        using var harness = Harness();

        var result = await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken(issuer: issuer)));

        result.Reason.Should().Be("invalid_issuer");
        result.Detail.Should().Contain(entra.Issuer);
        if (hint.Length > 0)
        {
            result.Detail.Should().Contain(hint);
        }
    }

    [Fact]
    public async Task ExpiredToken_IsRefused_TokenExpired()
    {
        using var harness = Harness();

        var result = await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken(expires: DateTime.UtcNow.AddMinutes(-10))));

        result.Should().Be(ManagementAuthResult.TokenExpired);
    }

    [Fact]
    public async Task ForgedSignature_UnderAPublishedKeyId_IsRefused_InvalidToken()
    {
        using var harness = Harness();
        var forger = FakeEntraServer.UnpublishedKey(entra.CurrentKey.KeyId);

        var result = await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken(signingKey: forger)));

        result.Reason.Should().Be("invalid_token");
        result.Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task UnknownKeyId_IsRefused_AfterOneFreshLookAtTheKeys_AndTheNextUnknownOneFetchesNothing()
    {
        using var harness = Harness();
        (await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken()))).Succeeded.Should().BeTrue();
        var fetched = entra.KeyRequests;

        var first = await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken(signingKey: FakeEntraServer.UnpublishedKey("made-up-1"))));
        var second = await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken(signingKey: FakeEntraServer.UnpublishedKey("made-up-2"))));

        first.Reason.Should().Be("invalid_token");
        first.Detail.Should().Contain("made-up-1");
        second.Reason.Should().Be("invalid_token");
        entra.KeyRequests.Should().Be(fetched + 1, "an unknown kid fetches the keys again at most once per refresh interval");
    }

    [Fact]
    public async Task KeyRotation_ANewKeyId_IsFetchedAndAccepted_OnTheFirstRequest()
    {
        using var harness = Harness();
        (await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken()))).Succeeded.Should().BeTrue();
        var fetched = entra.KeyRequests;

        entra.RotateKey();
        var result = await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken()));

        result.Should().Be(ManagementAuthResult.EntraToken, "the token's new kid makes the validator read the tenant's keys again");
        entra.KeyRequests.Should().Be(fetched + 1);
        (await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken()))).Succeeded.Should().BeTrue();
        entra.KeyRequests.Should().Be(fetched + 1, "the new keys are cached");
    }

    [Fact]
    public async Task TokenWithoutTheRequiredScope_Is403_InsufficientScope()
    {
        using var harness = Harness();

        var result = await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken(scp: "User.Read")));

        result.Reason.Should().Be("insufficient_scope");
        result.StatusCode.Should().Be(403);
        result.Detail.Should().Contain(FakeEntraServer.Scope);
    }

    [Fact]
    public async Task ApplicationToken_IsRefused_UnlessARequiredRoleIsSetAndHeld()
    {
        using var plain = Harness();
        using var withRole = Harness(requiredRole: "Console.Operator");

        (await plain.Auth.AuthenticateAsync(Bearer(entra.CreateToken(scp: null, roles: ["Console.Operator"])))).Reason.Should().Be("insufficient_scope");
        (await withRole.Auth.AuthenticateAsync(Bearer(entra.CreateToken(scp: null, roles: ["Console.Operator"])))).Succeeded.Should().BeTrue();
        (await withRole.Auth.AuthenticateAsync(Bearer(entra.CreateToken(scp: null)))).Reason.Should().Be("insufficient_scope");
    }

    [Fact]
    public async Task AnIdToken_WithTheRoleAndAudience_IsRefused_NotAnAccessToken()
    {
        using var harness = Harness(requiredRole: "Console.Operator");

        var idToken = await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken(scp: null, roles: ["Console.Operator"], idToken: true)));

        idToken.Succeeded.Should().BeFalse("the console's own ID token has the same issuer, keys and audience");
        idToken.Reason.Should().Be("invalid_token");
        idToken.Detail.Should().Contain("not an access token");
    }

    [Fact]
    public async Task RequiredRole_UserWithoutIt_Is403_UserWithIt_Passes()
    {
        using var harness = Harness(requiredRole: "Console.Operator");

        var without = await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken(roles: ["Reader"])));
        var with = await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken(roles: ["Console.Operator"])));

        without.StatusCode.Should().Be(403);
        without.Detail.Should().Contain("Console.Operator");
        with.Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("X-API-Key", Key)]
    [InlineData("Authorization", "Bearer " + Key)]
    public async Task ApiKeys_StillWork_BesideEntraId(string header, string value)
    {
        using var harness = Harness(keys: [Key]);
        var context = new DefaultHttpContext();
        context.Request.Headers[header] = value;

        (await harness.Auth.AuthenticateAsync(context)).Should().Be(ManagementAuthResult.ValidKey);
        entra.MetadataRequests.Should().Be(0, "an API key never needs the tenant");
    }

    [Fact]
    public async Task EntraIdOn_NoCredential_IsRefused_EvenFromLoopback_NamingBothWays()
    {
        using var harness = Harness();
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;

        var result = await harness.Auth.AuthenticateAsync(context);

        result.Should().Be(ManagementAuthResult.MissingCredential);
        result.Detail.Should().Contain("Entra ID").And.Contain("Api:ApiKeys");
        harness.Auth.AcceptsWithoutCredential(context).Should().BeFalse();
    }

    [Fact]
    public async Task TenantUnreachable_Is503_EntraUnavailable_AndApiKeysStillWork()
    {
        using var harness = Harness(keys: [Key]);
        entra.Unavailable = true;

        var token = await harness.Auth.AuthenticateAsync(Bearer(entra.CreateToken()));
        var key = new DefaultHttpContext();
        key.Request.Headers["X-API-Key"] = Key;

        token.Should().Be(ManagementAuthResult.EntraUnavailable);
        token.StatusCode.Should().Be(503);
        (await harness.Auth.AuthenticateAsync(key)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Refusal_Answers401WithBearerError_AndNeitherTheAnswerNorTheLogHoldsTheToken()
    {
        using var harness = Harness();
        var token = entra.CreateToken(expires: DateTime.UtcNow.AddMinutes(-10));
        var context = Bearer(token);
        context.RequestServices = harness.Services;
        context.Response.Body = new MemoryStream();

        var refusal = await harness.Auth.AuthorizeAsync(context);
        await refusal!.ExecuteAsync(context);

        context.Response.StatusCode.Should().Be(401);
        context.Response.Headers.WWWAuthenticate.ToString().Should().Contain("error=\"invalid_token\"");
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        body.Should().Contain("token_expired");
        var signature = token[(token.LastIndexOf('.') + 1)..];
        var payload = token.Split('.')[1];
        body.Should().NotContain(signature).And.NotContain(payload);
        harness.Log.Should().Contain(l => l.Contains("token_expired", StringComparison.Ordinal));
        harness.Log.Should().NotContain(l => l.Contains(signature, StringComparison.Ordinal) || l.Contains(payload, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotAJwt_WithEntraOnly_IsAnInvalidKey()
    {
        using var harness = Harness();

        (await harness.Auth.AuthenticateAsync(Bearer("not-a-token-but-long-enough"))).Should().Be(ManagementAuthResult.InvalidKey);
    }

    private static DefaultHttpContext Bearer(string token)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        context.Request.Headers.Authorization = $"Bearer {token}";
        return context;
    }

    private AuthHarness Harness(string? requiredRole = null, string[]? keys = null)
    {
        var settings = entra.Settings(requiredRole);
        for (var i = 0; i < (keys?.Length ?? 0); i++)
        {
            settings[$"Api:ApiKeys:{i}"] = keys![i];
        }

        return new AuthHarness(settings);
    }

    /// <summary>ManagementAuth as the hosts register it (AddManagementAuth over configuration), with a log kept in memory.</summary>
    private sealed class AuthHarness : IDisposable
    {
        private readonly ServiceProvider provider;
        private readonly ListLoggerProvider log = new();

        public AuthHarness(Dictionary<string, string?> settings)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            provider = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddLogging(l => l.AddProvider(log))
                .AddManagementAuth()
                .BuildServiceProvider(validateScopes: true);
            Auth = provider.GetRequiredService<ManagementAuth>();
        }

        public ManagementAuth Auth { get; }

        public IServiceProvider Services => provider;

        public IReadOnlyList<string> Log => log.Lines;

        public void Dispose() => provider.Dispose();
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        private readonly List<string> lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (lines)
                {
                    return [.. lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new ListLogger(this);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.lines)
                {
                    owner.lines.Add(formatter(state, exception) + " " + exception);
                }
            }
        }
    }
}
