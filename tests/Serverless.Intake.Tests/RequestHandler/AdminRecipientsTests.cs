using Microsoft.Extensions.Options;
using Serverless.Engine.Interpreter;
using Serverless.Intake.Tests.Support;

namespace Serverless.Intake.Tests.RequestHandler;

/// <summary>RequestHandler:AdminRecipients has no default: sandbox mode records the email to a reserved address,
/// real email (Connectors:Smtp:Host) without recipients stops the host at start.</summary>
public sealed class AdminRecipientsTests
{
    [Fact]
    public async Task SandboxMode_NoRecipients_EmailIsRecordedToThePlaceholderAddress()
    {
        await using var host = await IntakeHost.StartAsync();

        var id = await host.SubmitAsync(IntakeHost.SupportRequest());
        var view = await host.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Completed, view.Error?.Message);
        var email = (await host.SandboxCallsAsync(id)).Single(c => c.Connector == "Smtp");
        email.Request["to"]!.AsArray().Select(t => t!.ToString()).Should().Equal("admin@example.invalid");
        view.Timeline.Single(r => r.StepId == "notify").Output!["recipients"]![0]!.ToString().Should().Be("admin@example.invalid");
    }

    [Fact]
    public async Task ConfiguredRecipients_AreUsed()
    {
        await using var host = await IntakeHost.StartAsync(new Dictionary<string, string?>
        {
            ["RequestHandler:AdminRecipients:0"] = "ops@example.com",
            ["RequestHandler:AdminRecipients:1"] = "support@example.com",
        });

        var id = await host.SubmitAsync(IntakeHost.SupportRequest());
        await host.WaitForEndAsync(id);

        var email = (await host.SandboxCallsAsync(id)).Single(c => c.Connector == "Smtp");
        email.Request["to"]!.AsArray().Select(t => t!.ToString()).Should().Equal("ops@example.com", "support@example.com");
    }

    [Fact]
    public async Task RealEmail_NoRecipients_FailsAtStartNamingTheSetting()
    {
        var start = () => IntakeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Connectors:Smtp:Host"] = "smtp.example.com",
            ["Connectors:Smtp:From"] = "noreply@example.com",
        });

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("RequestHandler:AdminRecipients");
    }
}
