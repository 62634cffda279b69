using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Serverless.Api;
using Serverless.Api.Security;

namespace Serverless.Host.Tests.Api;

/// <summary>The authenticator alone, on DefaultHttpContext (whose connection address can be anything).</summary>
public sealed class ManagementAuthTests
{
    private const string Key = "0123456789abcdef-management";
    private const string OtherKey = "fedcba9876543210-rotation";

    private static ManagementAuth Auth(bool allowLoopback = true, params string[] keys)
    {
        var options = Options.Create(new ApiOptions { ApiKeys = [.. keys], AllowLoopbackWithoutKey = allowLoopback });
        var entra = new EntraTokenValidator(options, Mock.Of<IHttpClientFactory>(MockBehavior.Strict), TimeProvider.System, NullLogger<EntraTokenValidator>.Instance);
        return new(options, entra, NullLogger<ManagementAuth>.Instance);
    }

    private static DefaultHttpContext Request(string? remoteIp, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remoteIp is null ? null : IPAddress.Parse(remoteIp);
        foreach (var (name, value) in headers)
        {
            context.Request.Headers.Append(name, value);
        }

        return context;
    }

    [Theory]
    [InlineData("X-API-Key", Key)]
    [InlineData("Authorization", "Bearer " + Key)]
    [InlineData("Authorization", "bearer " + Key)]
    [InlineData("X-API-Key", OtherKey)]
    public async Task ConfiguredKey_InEitherHeader_IsAccepted_FromAnyAddress(string header, string value)
    {
        (await Auth(true, Key, OtherKey).AuthenticateAsync(Request("203.0.113.7", (header, value)))).Should().Be(ManagementAuthResult.ValidKey);
    }

    [Theory]
    [InlineData("X-API-Key", "0123456789abcdef-managemenX")]
    [InlineData("X-API-Key", "0123456789abcdef")]
    [InlineData("Authorization", "Basic " + Key)]
    [InlineData("Authorization", "Bearer")]
    [InlineData("Authorization", "Bearer ")]
    public async Task WrongOrMalformedKey_IsInvalid(string header, string value)
    {
        (await Auth(true, Key).AuthenticateAsync(Request("127.0.0.1", (header, value)))).Should().Be(ManagementAuthResult.InvalidKey);
    }

    [Fact]
    public async Task ApiKeyHeaderGivenTwice_IsInvalid()
    {
        (await Auth(true, Key).AuthenticateAsync(Request("127.0.0.1", ("X-API-Key", Key), ("X-API-Key", Key)))).Succeeded.Should().BeFalse();
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData(null)]
    public async Task KeysConfigured_LoopbackWithoutKey_IsRefused(string? remote)
    {
        (await Auth(true, Key).AuthenticateAsync(Request(remote))).Should().Be(ManagementAuthResult.MissingKey, "with keys configured there is no local exemption");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData(null)]
    public async Task NoKeys_FallbackOn_LocalRequest_IsAllowed(string? remote)
    {
        (await Auth(allowLoopback: true).AuthenticateAsync(Request(remote))).Should().Be(ManagementAuthResult.LocalWithoutKey);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.20")]
    [InlineData("203.0.113.7")]
    [InlineData("::ffff:10.0.0.5")]
    [InlineData("fe80::1")]
    public async Task NoKeys_FallbackOn_RemoteRequest_IsRefused(string remote)
    {
        (await Auth(allowLoopback: true).AuthenticateAsync(Request(remote))).Should().Be(ManagementAuthResult.NotLocal);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    [InlineData("True-Client-IP", "203.0.113.7")]
    [InlineData("CF-Connecting-IP", "203.0.113.7")]
    [InlineData("X-Client-IP", "203.0.113.7")]
    [InlineData("Via", "1.1 proxy.example")]
    public async Task NoKeys_LoopbackRelayedByAProxy_IsRefused(string header, string value)
    {
        (await Auth(allowLoopback: true).AuthenticateAsync(Request("127.0.0.1", (header, value)))).Should().Be(ManagementAuthResult.NotLocal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData(null)]
    public async Task NoKeys_FallbackOff_EverythingIsRefused(string? remote)
    {
        (await Auth(allowLoopback: false).AuthenticateAsync(Request(remote))).Should().Be(ManagementAuthResult.NoKeyConfigured);
    }

    [Fact]
    public async Task Refusal_Is401ProblemJson_WithChallenge_AndNeverEchoesTheKey()
    {
        var context = Request("10.0.0.5", ("X-API-Key", "a-wrong-key-of-some-length"));
        context.RequestServices = ServiceProviderFor();
        context.Response.Body = new MemoryStream();

        var refusal = await Auth(true, Key).AuthorizeAsync(context);
        refusal.Should().NotBeNull();
        await refusal!.ExecuteAsync(context);

        context.Response.StatusCode.Should().Be(401);
        context.Response.ContentType.Should().StartWith("application/problem+json");
        context.Response.Headers.WWWAuthenticate.ToString().Should().Contain("Bearer").And.Contain("X-API-Key");
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        text.Should().Contain("invalid_key").And.NotContain("a-wrong-key-of-some-length");
    }

    [Fact]
    public async Task Success_HasNoRefusal()
    {
        (await Auth(true, Key).AuthorizeAsync(Request("10.0.0.5", ("X-API-Key", Key)))).Should().BeNull();
    }

    internal static IServiceProvider ServiceProviderFor()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        return services.BuildServiceProvider();
    }
}
