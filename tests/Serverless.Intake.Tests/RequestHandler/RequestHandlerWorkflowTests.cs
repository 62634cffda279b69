using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Interpreter;
using Serverless.Intake.Tests.Support;
using Serverless.Runtime.DeadLetters;

namespace Serverless.Intake.Tests.RequestHandler;

/// <summary>The whole workflow through the real runtime. Sandbox mode (no credentials) for the main paths; the real
/// HubSpot and ClickUp connectors against <see cref="FakeCrmServer"/> for failures and the dry run.</summary>
public sealed class RequestHandlerWorkflowTests
{
    [Fact]
    public async Task SupportRequest_SandboxMode_FindsOrCreatesContactCreatesTicketNotifiesAndCreatesNoSubtask()
    {
        await using var host = await IntakeHost.StartAsync();

        var id = await host.SubmitAsync(IntakeHost.SupportRequest());
        var view = await host.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Completed, view.Error?.Message);
        view.Output!["type_final"]!.ToString().Should().Be("SUPPORT");
        view.Output["reclassifie"]!.GetValue<bool>().Should().BeFalse();
        view.Output["ticketUrl"]!.ToString().Should().Contain("/record/0-5/");
        var calls = await host.SandboxCallsAsync(id);
        calls.Select(c => $"{c.Connector}.{c.Operation}").Should().Equal(
            "HubSpot.FindContactByEmailAsync", "HubSpot.CreateContactAsync", "HubSpot.CreateTicketAsync", "Smtp.SendAsync");
        calls[1].Request["body"]!["properties"]!["firstname"]!.ToString().Should().Be("Marie");
        calls[1].Request["body"]!["properties"]!["lastname"]!.ToString().Should().Be("Durand");
    }

    [Fact]
    public async Task ModellingRequestWithFile_SandboxMode_StoresFileLinksItInTheTicketAndCreatesSubtask()
    {
        await using var host = await IntakeHost.StartAsync();

        var id = await host.SubmitAsync(IntakeHost.ModellingRequest());
        var view = await host.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Completed, view.Error?.Message);
        view.Output!["type_final"]!.ToString().Should().Be("MODELISATION");
        var stored = Path.Combine(host.Folder, "storage", "blobs", "request-files", "instances", id, "00-plans-rdc.pdf");
        File.ReadAllText(stored).Should().StartWith("%PDF-1.4");
        var calls = await host.SandboxCallsAsync(id);
        calls.Select(c => $"{c.Connector}.{c.Operation}").Should().Contain(["HubSpot.CreateTicketAsync", "ClickUp.CreateSubtaskAsync"]);
        var ticketContent = calls.Single(c => c.Operation == "CreateTicketAsync").Request["body"]!["properties"]!["content"]!.ToString();
        ticketContent.Should().Contain("plans-rdc.pdf : http://intake.test/api/intake/files/request-files/instances/");
        var subtask = calls.Single(c => c.Operation == "CreateSubtaskAsync").Request.ToJsonString();
        subtask.Should().Contain("86c7r48ha").And.Contain("paul.martin@example.com").And.Contain(view.Output["ticketUrl"]!.ToString());

        var link = ticketContent.Split('\n').Single(l => l.Contains("plans-rdc.pdf : ", StringComparison.Ordinal)).Split(" : ")[1].Trim();
        var download = await host.Client.GetAsync(new Uri(link).PathAndQuery);
        (await download.Content.ReadAsStringAsync()).Should().StartWith("%PDF-1.4");
        (await host.Client.GetAsync(new Uri(link).PathAndQuery.Replace("sig=", "sig=0", StringComparison.Ordinal))).StatusCode
            .Should().Be(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ModellingTextSentThroughTheContactForm_IsReclassifiedAndTheAdminEmailCarriesTheAlert()
    {
        await using var host = await IntakeHost.StartAsync();
        var request = IntakeHost.ModellingRequest();
        request["source"] = "contact";

        var id = await host.SubmitAsync(request);
        var view = await host.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Completed, view.Error?.Message);
        view.Output!["type_final"]!.ToString().Should().Be("MODELISATION");
        view.Output["reclassifie"]!.GetValue<bool>().Should().BeTrue();
        view.Output["classifier"]!.ToString().Should().Be("builtin");
        var email = (await host.SandboxCallsAsync(id)).Single(c => c.Connector == "Smtp").Request.ToJsonString();
        email.Should().Contain("RECLASS");
    }

    [Fact]
    public async Task FileUrlThatCannotBeDownloaded_TicketIsCreatedWithoutFilesWithTheNoteFichiersEnAttente()
    {
        await using var fake = await FakeCrmServer.StartAsync();
        fake.FileStatus = 404;
        await using var host = await IntakeHost.StartAsync(new Dictionary<string, string?> { ["RequestHandler:FileUrls:AllowPrivateNetworks"] = "true" });
        var request = IntakeHost.ModellingRequest();
        request["fichiers"] = new JsonArray(new JsonObject { ["name"] = "plans.pdf", ["url"] = $"{fake.BaseAddress}/files/plans.pdf" });

        var id = await host.SubmitAsync(request);
        var view = await host.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Completed, view.Error?.Message);
        var store = view.Timeline.Single(r => r.StepId == "storeFiles");
        store.Status.Should().Be(StepStatus.Failed);
        store.Error!.Message.Should().Contain("404");
        view.Output!["filesPending"]!.GetValue<bool>().Should().BeTrue();
        var content = (await host.SandboxCallsAsync(id)).Single(c => c.Operation == "CreateTicketAsync").Request["body"]!["properties"]!["content"]!.ToString();
        content.Should().Contain("fichiers en attente").And.Contain("404").And.Contain("plans.pdf");
    }

    [Fact]
    public async Task ContactCreationFails_AdminIsNotifiedInstanceFailsIsInDeadLettersAndReplayCompletesIt()
    {
        await using var fake = await FakeCrmServer.StartAsync();
        fake.ContactCreateStatus = 400;
        await using var host = await IntakeHost.StartAsync(RealConnectors(fake));

        var id = await host.SubmitAsync(IntakeHost.SupportRequest());
        var view = await host.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Failed);
        view.Error!.Message.Should().Contain("HubSpot rejected the request (HTTP 400)");
        var notify = view.Timeline.Single(r => r.StepId == "notifyContactFailure");
        notify.Status.Should().Be(StepStatus.Completed);
        var alert = (await host.SandboxCallsAsync(id)).Single(c => c.Connector == "Smtp").Request.ToJsonString();
        alert.Should().Contain("marie.durand@example.com").And.Contain("replay");
        fake.BodiesOf("/crm/v3/objects/tickets").Should().BeEmpty();
        var deadLetters = await host.Services.GetRequiredService<IDeadLetterStore>().ListAsync();
        deadLetters.Instances.Should().Contain(i => i.InstanceId == id);

        fake.ContactCreateStatus = null;
        (await host.Workflows.ReplayAsync(id)).Should().BeTrue();
        var replayed = await host.WaitForEndAsync(id);
        replayed.Status.Should().Be(InstanceStatus.Completed, replayed.Error?.Message);
        fake.BodiesOf("/crm/v3/objects/tickets").Should().ContainSingle();
    }

    [Fact]
    public async Task ClickUpFailing_IsLoggedOnTheTimelineAndTheTicketStands()
    {
        await using var fake = await FakeCrmServer.StartAsync();
        fake.ClickUpStatus = 404;
        await using var host = await IntakeHost.StartAsync(RealConnectors(fake));

        var id = await host.SubmitAsync(IntakeHost.ModellingRequest());
        var view = await host.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Completed, view.Error?.Message);
        view.Output!["ticketId"]!.ToString().Should().NotBeEmpty();
        var subtask = view.Timeline.Single(r => r.StepId == "subtask");
        subtask.Status.Should().Be(StepStatus.Failed);
        subtask.Error!.Message.Should().Contain("ClickUp");
        var ticket = fake.BodiesOf("/crm/v3/objects/tickets").Single()!;
        ticket["associations"]![0]!["to"]!["id"]!.ToString().Should().Be(view.Output["contactId"]!.ToString());
        var email = (await host.SandboxCallsAsync(id)).Single(c => c.Connector == "Smtp").Request.ToJsonString();
        email.Should().Contain("ClickUp");
    }

    [Fact]
    public async Task DryRun_WithCredentialsSet_MakesNoRealCallAndRecordsEveryWriteAsASandboxCall()
    {
        await using var fake = await FakeCrmServer.StartAsync();
        await using var host = await IntakeHost.StartAsync(RealConnectors(fake));

        var id = await host.SubmitAsync(IntakeHost.ModellingRequest(), query: "?dryRun=true");
        var view = await host.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Completed, view.Error?.Message);
        view.DryRun.Should().BeTrue();
        fake.Requests.Should().BeEmpty();
        Directory.Exists(Path.Combine(host.Folder, "storage", "blobs", "request-files", "instances")).Should().BeFalse();
        (await host.SandboxCallsAsync(id)).Select(c => $"{c.Connector}.{c.Operation}").Should().Contain(
            ["BlobStore.StoreFiles", "HubSpot.CreateContactAsync", "HubSpot.CreateTicketAsync", "ClickUp.CreateSubtaskAsync", "Smtp.SendAsync"]);
    }

    private static Dictionary<string, string?> RealConnectors(FakeCrmServer fake) => new()
    {
        ["Connectors:HubSpot:AccessToken"] = "pat-test",
        ["Connectors:HubSpot:PortalId"] = "4242",
        ["Connectors:HubSpot:BaseAddress"] = fake.BaseAddress,
        ["Connectors:ClickUp:ApiToken"] = "pk_test",
        ["Connectors:ClickUp:BaseAddress"] = fake.BaseAddress,
    };
}
