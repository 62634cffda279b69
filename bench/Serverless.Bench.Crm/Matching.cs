using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Crm;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Crm.Running;
using Serverless.Crm.Workflows;
using Serverless.Crm.Workflows.Store;

namespace Serverless.Bench.Crm;

/// <summary>
/// Trigger matching alone, as CrmDispatcher.PublishAsync does it once the change's context is built:
/// <see cref="CrmDispatcher.Matching"/> (snapshot.ListeningOn the channel, the context copied into the condition
/// scope, every listening workflow's trigger condition evaluated), nothing started. One thread; the contexts are the
/// real ones (CrmContextBuilder on stored records), built once before timing.
/// </summary>
internal static class Matching
{
    public static async Task<int> RunAsync(IReadOnlyList<int> sizes, double seconds, IReadOnlyList<string> overrides)
    {
        await using var bench = await BenchHost.StartAsync(overrides);
        var (organisations, deals) = await bench.SeedAsync(2);
        var dispatcher = bench.Services.GetRequiredService<CrmDispatcher>();
        var contexts = bench.Services.GetRequiredService<CrmContextBuilder>();
        var deal = deals[0];
        var moved = deal with { Stage = BenchWorkflows.Stages[1] };
        var organisation = organisations[0];
        var changedOrganisation = organisation with { Fields = new Dictionary<string, JsonNode?>(organisation.Fields) { ["score"] = 1 } };
        var stage = await contexts.ForChangeAsync(Event(CrmNames.Channels.DealStageChanged, "deal", deal, moved,
            new JsonObject { ["from_stage"] = deal.Stage, ["to_stage"] = moved.Stage }), CancellationToken.None);
        var dealUpdated = await contexts.ForChangeAsync(Event(CrmNames.Channels.DealUpdated, "deal", deal, moved, null), CancellationToken.None);
        var orgUpdated = await contexts.ForChangeAsync(Event(CrmNames.Channels.OrganisationUpdated, "organisation", organisation, changedOrganisation, null), CancellationToken.None);
        var dealCreated = await contexts.ForChangeAsync(Event(CrmNames.Channels.DealCreated, "deal", null, deal, null), CancellationToken.None);
        var orgCreated = await contexts.ForChangeAsync(Event(CrmNames.Channels.OrganisationCreated, "organisation", null, organisation, null), CancellationToken.None);

        // The changes a deal stage move and an organisation update publish, plus the creations, in turn.
        (string Channel, JsonObject Context)[] spreadChanges =
        [
            (CrmNames.Channels.DealUpdated, dealUpdated), (CrmNames.Channels.DealStageChanged, stage),
            (CrmNames.Channels.OrganisationUpdated, orgUpdated), (CrmNames.Channels.DealCreated, dealCreated),
            (CrmNames.Channels.OrganisationCreated, orgCreated),
        ];
        (string Channel, JsonObject Context)[] stageChanges = [(CrmNames.Channels.DealStageChanged, stage)];

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CRM trigger matching (CrmDispatcher.Matching: ListeningOn + trigger conditions, nothing started), one thread, {Environment.ProcessorCount} cores, load average {Program.LoadAverage()}"));
        Console.WriteLine("  active  set                          listening/change  matched/change  µs/change  changes/s   ns/listening workflow");
        foreach (var size in sizes)
        {
            Measure(dispatcher, size, "spread over 5 channels", Snapshot(Spread(size)), spreadChanges, seconds);
            Measure(dispatcher, size, "all on deal.stage_changed", Snapshot(SameChannel(size)), stageChanges, seconds);
        }

        return 0;
    }

    /// <summary>size workflows, one trigger type in five: stage pairs (distinct; 1 in 30 is the S0 -> S1 move),
    /// deal_updated and organisation_updated with conditions, organisation_created, deal_created.</summary>
    private static List<JsonObject> Spread(int size) => [.. Enumerable.Range(0, size).Select(i => (i % 5) switch
    {
        0 => StagePair(i / 5),
        1 => BenchWorkflows.DealUpdated(i, 1000 + i),
        2 => BenchWorkflows.OrganisationUpdated(i),
        3 => BenchWorkflows.OrganisationCreated(i),
        _ => BenchWorkflows.DealCreated(i),
    })];

    /// <summary>The worst case: every workflow on crm.deal.stage_changed with its own from/to condition.</summary>
    private static List<JsonObject> SameChannel(int size) => [.. Enumerable.Range(0, size).Select(StagePair)];

    /// <summary>Pair k: the 30 moves between the 6 stages (k = 0 is S0 -> S1, the change measured), then pairs of
    /// stages no deal is in.</summary>
    private static JsonObject StagePair(int k)
    {
        var stages = BenchWorkflows.Stages;
        if (k < 30)
        {
            var from = k / 5;
            var to = (from + 1 + (k % 5)) % stages.Length;
            return BenchWorkflows.StageChanged(stages[from], stages[to]);
        }

        return BenchWorkflows.StageChanged("ARCHIVE_" + k, "RESTORED_" + k);
    }

    private static CrmWorkflowSnapshot Snapshot(List<JsonObject> seeds)
    {
        var compiled = new List<CrmCompiledWorkflow>();
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            seed["status"] = CrmWorkflowStatuses.Active;
            var read = CrmWorkflowValidator.Validate(seed);
            var id = (i + 1).ToString(CultureInfo.InvariantCulture);
            var result = CrmWorkflowCompiler.Compile(read.Spec ?? throw new InvalidOperationException(seed.ToJsonString()), CrmNames.WorkflowIdPrefix + id);
            var workflow = new CrmWorkflow { Id = id, Version = 1, Status = CrmWorkflowStatuses.Active, Definition = CrmWorkflowService.DefinitionOf(read.Spec) };
            compiled.Add(new CrmCompiledWorkflow(workflow, read.Spec, result.Definition ?? throw new InvalidOperationException(seed.ToJsonString())));
        }

        return new CrmWorkflowSnapshot(compiled);
    }

    private static void Measure(CrmDispatcher dispatcher, int size, string name, CrmWorkflowSnapshot snapshot, (string Channel, JsonObject Context)[] changes, double seconds)
    {
        var listening = changes.Average(c => snapshot.ListeningOn(c.Channel).Count);
        var matched = changes.Average(c => dispatcher.Matching(snapshot, c.Channel, c.Context).Count);
        var sink = 0;
        for (var i = 0; i < 2000; i++)
        {
            var (channel, context) = changes[i % changes.Length];
            sink += dispatcher.Matching(snapshot, channel, context).Count;
        }

        var count = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 100; i++, count++)
            {
                var (channel, context) = changes[count % changes.Length];
                sink += dispatcher.Matching(snapshot, channel, context).Count;
            }
        }

        watch.Stop();
        var micros = watch.Elapsed.TotalMicroseconds / count;
        GC.KeepAlive(sink);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {size,6}  {name,-28} {listening,16:F1}  {matched,14:F1}  {micros,9:F1}  {1_000_000 / micros,9:F0}   {(listening > 0 ? micros * 1000 / listening : 0),8:F0}"));
    }

    private static CrmChangeEvent Event(string channel, string type, CrmEntity? before, CrmEntity after, JsonObject? extra) => new()
    {
        EventId = Guid.CreateVersion7().ToString("N"),
        Channel = channel,
        EntityType = type,
        EntityId = after.Id,
        Before = before is null ? null : DocumentCrmStore.ToJson(before),
        After = DocumentCrmStore.ToJson(after),
        OccurredAt = DateTimeOffset.UtcNow,
        Extra = extra,
    };
}
