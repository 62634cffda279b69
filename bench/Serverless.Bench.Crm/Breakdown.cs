using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Crm;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Crm.Executions;
using Serverless.Crm.Running;
using Serverless.Crm.Workflows;
using Serverless.Runtime.Abstractions;

namespace Serverless.Bench.Crm;

/// <summary>--breakdown: where one change's time goes, one caller, each piece of CrmChanges.UpdateAsync and
/// CrmDispatcher.PublishAsync timed on its own (a stopwatch per piece, the pieces called as they call them).</summary>
internal static class Breakdown
{
    public static async Task<int> RunAsync(int changes, IReadOnlyList<string> overrides)
    {
        await using var bench = await BenchHost.StartAsync(overrides);
        var (_, deals) = await bench.SeedAsync(200);
        var service = bench.Services.GetRequiredService<Serverless.Crm.Workflows.Store.CrmWorkflowService>();
        foreach (var definition in BenchWorkflows.EndToEnd(50))
        {
            var created = await service.CreateAsync(definition, "bench");
            await service.SetStatusAsync(created.Workflow!.Id, CrmWorkflowStatuses.Active, "bench");
        }

        var store = bench.Services.GetRequiredService<ICrmStore>();
        var registry = bench.Services.GetRequiredService<CrmWorkflowRegistry>();
        var contexts = bench.Services.GetRequiredService<CrmContextBuilder>();
        var dispatcher = bench.Services.GetRequiredService<CrmDispatcher>();
        var executions = bench.Services.GetRequiredService<CrmExecutionStore>();
        var client = bench.Services.GetRequiredService<IWorkflowClient>();
        var names = new[] { "store.UpdateAsync", "registry.CurrentAsync", "contexts.ForChangeAsync", "dispatcher.Matching", "executions.StartAsync", "client.StartAsync" };
        var totals = new double[names.Length];
        for (var i = 0; i < changes; i++)
        {
            var deal = deals[i % deals.Count];
            var t = Stopwatch.GetTimestamp();
            var update = await store.UpdateAsync<Deal>(deal.Id, d => d with { Amount = (d.Amount ?? 0) + 1 });
            t = Lap(totals, 0, t);
            var snapshot = await registry.CurrentAsync();
            t = Lap(totals, 1, t);
            var change = new CrmChangeEvent
            {
                EventId = Guid.CreateVersion7().ToString("N"),
                Channel = CrmNames.Channels.DealUpdated,
                EntityType = CrmEntityTypes.Deal,
                EntityId = deal.Id,
                Before = DocumentCrmStore.ToJson(update!.Before),
                After = DocumentCrmStore.ToJson(update.After),
                OccurredAt = DateTimeOffset.UtcNow,
            };
            var context = await contexts.ForChangeAsync(change, CancellationToken.None);
            t = Lap(totals, 2, t);
            var workflow = dispatcher.Matching(snapshot, change.Channel, context).Single();
            t = Lap(totals, 3, t);
            var id = CrmWorkflowRunner.ExecutionId(workflow.Workflow.Id, change.EventId);
            await executions.StartAsync(new CrmExecution { Id = id, WorkflowId = workflow.Workflow.Id, WorkflowVersion = workflow.Workflow.Version, TriggeredBy = CrmRunKinds.Event, StartedAt = DateTimeOffset.UtcNow });
            t = Lap(totals, 4, t);
            await client.StartAsync(new StartRequest(workflow.Workflow.DefinitionId, context.DeepClone(), InstanceId: id, Trigger: new JsonObject { ["kind"] = "event" }, Version: workflow.Workflow.Version));
            Lap(totals, 5, t);
        }

        Console.WriteLine($"Breakdown of one deal_updated change (1 workflow started), {changes} changes, one caller, load average {Program.LoadAverage()}");
        for (var i = 0; i < names.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {names[i],-26} {totals[i] / changes:F3} ms"));
        }

        return 0;
    }

    private static long Lap(double[] totals, int index, long since)
    {
        var now = Stopwatch.GetTimestamp();
        totals[index] += Stopwatch.GetElapsedTime(since, now).TotalMilliseconds;
        return now;
    }
}
