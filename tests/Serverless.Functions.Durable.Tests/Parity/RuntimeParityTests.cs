using System.Diagnostics;
using System.Runtime.CompilerServices;
using FluentAssertions.Execution;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Connectors.Sandbox;
using Serverless.Functions.Durable.Tests.Support;
using Serverless.Runtime.Abstractions;
using Xunit.Abstractions;

namespace Serverless.Functions.Durable.Tests.Parity;

/// <summary>Each row of <see cref="ParityScenarios"/> on the embedded runtime and on Durable at once: both must meet
/// the row's expectations, and their normalised outcomes (status, output, error, timeline, activity calls, sandbox
/// calls, other instances) must be equal.</summary>
public sealed class RuntimeParityTests(ITestOutputHelper output)
{
    public static TheoryData<string> Active => new(ParityScenarios.All.Where(s => s.Skip is null).Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Active))]
    public async Task Scenario_SameOutcomeOnBothRuntimes(string scenarioName)
    {
        var scenario = ParityScenarios.Find(scenarioName);
        // The same instance id on both runtimes, so ids derived from it (children, messages, sandbox ids) compare equal.
        var instanceId = $"parity-{scenario.Name}-{Guid.NewGuid():N}"[..Math.Min(80, scenario.Name.Length + 40)];
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(
            RunAsync(Runtimes.Embedded, scenario, instanceId),
            RunAsync(Runtimes.Durable, scenario, instanceId));
        output.WriteLine($"{scenario.Name}: {clock.Elapsed.TotalSeconds:0.0}s");
        var (embedded, durable) = (outcomes[0], outcomes[1]);

        foreach (var outcome in outcomes)
        {
            output.WriteLine($"{outcome.Runtime}: {outcome.Status} {outcome.ErrorKind} after {outcome.Activities.Count} activity calls, output {(outcome.Output is null ? "none" : "present")}");
            using (new AssertionScope(outcome.Runtime))
            {
                scenario.Expect(outcome);
            }
        }

        if (Environment.GetEnvironmentVariable("PARITY_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            await File.WriteAllTextAsync(Path.Combine(dump, scenario.Name + ".embedded.json"), embedded.ComparableText);
            await File.WriteAllTextAsync(Path.Combine(dump, scenario.Name + ".durable.json"), durable.ComparableText);
        }

        if (durable.ComparableText != embedded.ComparableText)
        {
            output.WriteLine("embedded:\n" + embedded.ComparableText);
            output.WriteLine("durable:\n" + durable.ComparableText);
        }

        durable.ComparableText.Split('\n').Should().Equal(embedded.ComparableText.Split('\n'), "Durable must show what the embedded runtime shows");
    }

    private async Task<ParityOutcome> RunAsync(string runtime, ParityScenario scenario, string instanceId)
    {
        var recorder = new ActivityRecorder();
        var continuedAsNew = new StrongBox<int>();
        var definitions = scenario.Definitions.Select(Definitions.Parse).ToList();
        void Configure(IServiceCollection services)
        {
            services.AddTestActivities(recorder);
            foreach (var definition in scenario.Definitions)
            {
                services.AddDefinition(definition);
            }
        }

        await using IRuntimeHarness harness = runtime == Runtimes.Embedded
            ? await EmbeddedHarness.StartAsync(Configure, scenario.Settings)
            : await DurableHarness.StartAsync(Configure, scenario.Settings, (workflow, context) =>
            {
                // The real orchestrator; counted only: the first episode of an execution resumed from ContinueAsNew.
                if (!context.IsReplaying && context.GetInput<WorkflowRun>() is { Generation: > 0, Replay: false })
                {
                    Interlocked.Increment(ref continuedAsNew.Value);
                }

                return workflow.RunAsync(context);
            });

        var run = new ScenarioRun(harness, instanceId, recorder, scenario);
        if (scenario.Arrange is not null)
        {
            await scenario.Arrange(harness);
        }

        var started = await harness.Client.StartAsync(new StartRequest(scenario.WorkflowId, scenario.Input?.DeepClone(), InstanceId: instanceId));
        started.InstanceId.Should().Be(instanceId);
        if (scenario.Drive is not null)
        {
            await scenario.Drive(run);
        }

        var view = await harness.WaitForAsync(instanceId,
            v => v.Status is Serverless.Engine.Interpreter.InstanceStatus.Completed or Serverless.Engine.Interpreter.InstanceStatus.Failed or Serverless.Engine.Interpreter.InstanceStatus.Terminated,
            scenario.TimeoutMs);
        foreach (var other in definitions.Where(d => d.Id != scenario.WorkflowId))
        {
            run.Observed[other.Id] = await run.DescribeInstancesAsync(other.Id);
        }

        var sandbox = await harness.Services.GetRequiredService<ISandboxCallLog>().ListAsync(instanceId, CancellationToken.None);
        run.ContinuedAsNew = continuedAsNew.Value;
        if (runtime == Runtimes.Durable)
        {
            output.WriteLine($"durable executions resumed from ContinueAsNew: {run.ContinuedAsNew}");
            using (new AssertionScope(runtime))
            {
                scenario.ExpectDurable?.Invoke(run);
            }
        }

        return ParityOutcome.From(runtime, view, recorder, sandbox, run.Observed, scenario.Differences.ToHashSet());
    }
}
