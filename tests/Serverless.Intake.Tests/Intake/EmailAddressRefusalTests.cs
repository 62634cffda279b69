using System.Net;
using Serverless.Intake.Tests.Support;

namespace Serverless.Intake.Tests.Intake;

/// <summary>Addresses that parse but must not reach the CRM or an admin's email: control and bidi characters, address
/// literals, full-width forms, and look-alikes mixing scripts (refused, flagged or allowed by a setting).</summary>
public sealed class EmailAddressRefusalTests
{
    [Theory]
    [InlineData("ad\u202Enimda@example.com", "U+202E")]
    [InlineData("admin\u200B@example.com", "U+200B")]
    [InlineData("a@[127.0.0.1]", "address literals")]
    [InlineData("a@[IPv6:::1]", "address literals")]
    [InlineData("\uFF41dmin@example.com", "full-width")]
    [InlineData("admin\uFF20example.com", "full-width")]
    [InlineData("p\u0430ypal@example.com", "mixes letters of different scripts")]
    [InlineData("paul@ex\u0430mple.com", "mixes letters of different scripts")]
    public async Task Post_UnfitAddress_Returns400NamingUserEmailAndWhy(string email, string reason)
    {
        await using var host = await IntakeHost.StartAsync();
        var request = IntakeHost.SupportRequest();
        request["user_email"] = email;

        var (response, body) = await host.SendAsync(host.Post(request));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = body!["errors"]!.AsObject();
        errors.Select(p => p.Key).Should().Equal("user_email");
        errors["user_email"]!.AsArray().Select(n => n!.GetValue<string>()).Should().ContainSingle().Which.Should().Contain(reason);
    }

    [Theory]
    [InlineData("иван@пример.рф")]
    [InlineData("marie.durand@example.com")]
    [InlineData("müller@bücher.de")]
    public async Task Post_SingleScriptAddress_IsAccepted(string email)
    {
        await using var host = await IntakeHost.StartAsync();
        var request = IntakeHost.SupportRequest();
        request["user_email"] = email;

        var (response, _) = await host.SendAsync(host.Post(request));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Post_MixedScriptWithFlagSetting_IsAcceptedAndTheInputSaysSo()
    {
        await using var host = await IntakeHost.StartAsync(new Dictionary<string, string?> { ["RequestHandler:Intake:MixedScriptEmails"] = "Flag" });
        var request = IntakeHost.SupportRequest();
        request["user_email"] = "p\u0430ypal@example.com";

        var id = await host.SubmitAsync(request);
        var view = await host.Workflows.GetAsync(id);

        view!.Input!["user_email_flags"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("mixed-script");
    }
}
