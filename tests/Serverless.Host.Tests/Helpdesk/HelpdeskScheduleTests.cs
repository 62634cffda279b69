using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;
using Serverless.Helpdesk;
using Serverless.Host.Tests.Support;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Catalog;

namespace Serverless.Host.Tests.Helpdesk;

/// <summary>Helpdesk:Schedule:Cron registers an unattended batch as a schedule-triggered workflow (so either
/// runtime's scheduler runs it); without it there is none.</summary>
public sealed class HelpdeskScheduleTests : IDisposable
{
    private readonly EmbeddedHostFactory factory = new();

    [Fact]
    public void WithoutACron_NoScheduledBatch() =>
        factory.Services.GetRequiredService<IWorkflowCatalog>().Find(HelpdeskNames.ScheduledBatchWorkflow).Should().BeNull();

    [Fact]
    public async Task ACron_RegistersTheScheduledBatch_WhichRunsABatchOfItsCount()
    {
        var scheduled = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Helpdesk:Schedule:Cron", "0 30 7 * * 1-5");
            b.UseSetting("Helpdesk:Schedule:Count", "3");
            b.UseSetting("Helpdesk:Schedule:DelaySeconds", "0");
        });
        using var http = scheduled.CreateClient();
        var definition = scheduled.Services.GetRequiredService<IWorkflowCatalog>().Find(HelpdeskNames.ScheduledBatchWorkflow);
        definition.Should().NotBeNull();
        var trigger = definition!.Triggers.OfType<ScheduleTrigger>().Single();
        trigger.Cron.Should().Be("0 30 7 * * 1-5");
        trigger.TimeZone.Should().Be("Europe/Paris");
        await HelpdeskApi.RefreshAsync(http);

        // What the scheduler does at the due time: start the scheduled workflow.
        var client = scheduled.Services.GetRequiredService<IWorkflowClient>();
        var run = await client.StartAsync(new StartRequest(HelpdeskNames.ScheduledBatchWorkflow, null));
        var until = DateTime.UtcNow.AddSeconds(60);
        InstanceView? view;
        do
        {
            await Task.Delay(100);
            view = await client.GetAsync(run.InstanceId);
        }
        while (view!.Status is not (InstanceStatus.Completed or InstanceStatus.Failed) && DateTime.UtcNow < until);

        view.Status.Should().Be(InstanceStatus.Completed, view.Error?.Message);
        view.Output!["total"]!.GetValue<int>().Should().Be(3);
        (await HelpdeskApi.StatusAsync(http))["processed"]!.GetValue<int>().Should().Be(3);
    }

    public void Dispose() => factory.Dispose();
}
