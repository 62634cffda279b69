using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Approvals.Links;
using Serverless.Connectors.Sandbox;
using Serverless.Engine.Interpreter;
using Serverless.Functions.Durable.Tests.Support;
using Serverless.Runtime.Abstractions;

namespace Serverless.Functions.Durable.Tests.Parity;

/// <summary>A difference between the runtimes that is there by design; the normaliser drops only the named part.</summary>
public enum ByDesign
{
    /// <summary>The error message of the instance and of failed steps (the text, not the kind).</summary>
    ErrorMessage,
}

/// <summary>One row of the parity table: a workflow (and any workflows it needs), its input, what a driver does
/// while it runs, and what the user must see at the end. The same row runs on both runtimes.</summary>
public sealed record ParityScenario(string Name, string WorkflowId, params string[] Definitions)
{
    public JsonNode? Input { get; init; }

    /// <summary>Runs before the start, on the runtime's services (put a stored message in the blob store, ...).</summary>
    public Func<IRuntimeHarness, Task>? Arrange { get; init; }

    /// <summary>Runs after the start: raise an event once the instance waits, decide a gate, terminate, replay.</summary>
    public Func<ScenarioRun, Task>? Drive { get; init; }

    /// <summary>The scenario's own expectations on the normalised outcome (checked on each runtime).</summary>
    public Action<ParityOutcome> Expect { get; init; } = _ => { };

    /// <summary>Extra expectations only one runtime can answer (e.g. Durable ContinueAsNew happened).</summary>
    public Action<ScenarioRun>? ExpectDurable { get; init; }

    public IReadOnlyList<ByDesign> Differences { get; init; } = [];

    public IDictionary<string, string?>? Settings { get; init; }

    /// <summary>Set when the scenario shows a divergence not fixed yet: the row is reported as skipped.</summary>
    public string? Skip { get; init; }

    public int TimeoutMs { get; init; } = 30_000;

    public override string ToString() => Name;
}

/// <summary>A scenario running on one runtime: what its driver uses, and what it observed beyond the instance.</summary>
public sealed partial class ScenarioRun(IRuntimeHarness harness, string instanceId, ActivityRecorder recorder, ParityScenario scenario)
{
    public IRuntimeHarness Harness { get; } = harness;
    public string InstanceId { get; } = instanceId;
    public ActivityRecorder Recorder { get; } = recorder;
    public ParityScenario Scenario { get; } = scenario;

    /// <summary>Things a driver observed that must be the same on both runtimes (consumer instances, ...).</summary>
    public JsonObject Observed { get; } = [];

    /// <summary>Durable only: executions of the orchestration that resumed from a ContinueAsNew.</summary>
    public int ContinuedAsNew { get; set; }

    public Task<InstanceView> WaitForAsync(Func<InstanceView, bool> until) => Harness.WaitForAsync(InstanceId, until, Scenario.TimeoutMs);

    /// <summary>Waits until the step with this key is in the timeline with this status.</summary>
    public Task<InstanceView> WaitForStepAsync(string key, StepStatus status) =>
        WaitForAsync(v => v.Timeline.Any(r => r.Key == key && r.Status == status));

    public async Task RaiseAsync(string eventName, JsonNode? payload) =>
        (await Harness.Client.RaiseEventAsync(InstanceId, eventName, payload)).Should().BeTrue();

    public async Task TerminateAsync(string reason) => (await Harness.Client.TerminateAsync(InstanceId, reason)).Should().BeTrue();

    public async Task<IReadOnlyList<SandboxCall>> SandboxCallsAsync(string operation, int atLeast)
    {
        var log = Harness.Services.GetRequiredService<ISandboxCallLog>();
        var deadline = DateTime.UtcNow.AddMilliseconds(Scenario.TimeoutMs);
        IReadOnlyList<SandboxCall> calls = [];
        while (DateTime.UtcNow < deadline)
        {
            calls = (await log.ListAsync(InstanceId, CancellationToken.None)).Where(c => c.Operation == operation).ToList();
            if (calls.Count >= atLeast)
            {
                return calls;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"[{Harness.Name}] only {calls.Count} {operation} sandbox calls for {InstanceId}, expected {atLeast}.");
    }

    /// <summary>Decides a gate as a person does: takes the link for <paramref name="decision"/> from the last email
    /// the sandbox recorded for <paramref name="approver"/> and posts the confirmation form to the approval link
    /// handler (POST /api/approvals/{token}), which records the decision and raises the event on the runtime.</summary>
    public async Task DecideAsync(string approver, string decision, string? comment = null, int emailsExpected = 1)
    {
        var emails = await SandboxCallsAsync("SendAsync", emailsExpected);
        var email = emails.Last(e => e.Request["to"]!.AsArray().Any(t => t!.GetValue<string>() == approver));
        var token = LinkPattern().Matches(email.Request["text"]!.GetValue<string>())
            .Select(m => m.Groups[1].Value)
            .Single(t => DecisionOf(t) == decision);

        var http = new DefaultHttpContext { RequestServices = Harness.Services };
        http.Request.Method = "POST";
        http.Request.ContentType = "application/x-www-form-urlencoded";
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["comment"] = comment ?? "" });
        http.Request.Body = new MemoryStream(await form.ReadAsByteArrayAsync());
        var result = await Harness.Services.GetRequiredService<ApprovalLinkHandlers>().PostAsync(http, token, CancellationToken.None);
        ((IStatusCodeHttpResult)result).StatusCode.Should().Be(StatusCodes.Status200OK, $"[{Harness.Name}] the decision link must be accepted");
    }

    /// <summary>Waits for Failed, heals the failing activity and asks for a replay from the failed step.</summary>
    public async Task ReplayAfterHealingAsync(string activity)
    {
        await WaitForAsync(v => v.Status == InstanceStatus.Failed);
        Recorder.Heal(activity);
        (await Harness.Client.ReplayAsync(InstanceId)).Should().BeTrue();
        // The replayed instance leaves Failed before the runner waits for its end.
        await WaitForAsync(v => v.Status != InstanceStatus.Failed);
    }

    /// <summary>Waits until <paramref name="count"/> instances of another workflow exist and have ended.</summary>
    public async Task WaitForOtherInstancesAsync(string workflowId, int count)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Scenario.TimeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var page = await Harness.Client.ListAsync(new InstanceQuery(WorkflowId: workflowId, Limit: 100));
            if (page.Items.Count >= count && page.Items.All(i => i.Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated))
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"[{Harness.Name}] fewer than {count} ended instances of {workflowId}.");
    }

    /// <summary>The instances of a workflow as a user lists them: id, status, input, output, error kind.</summary>
    public async Task<JsonArray> DescribeInstancesAsync(string workflowId)
    {
        var page = await Harness.Client.ListAsync(new InstanceQuery(WorkflowId: workflowId, Limit: 100));
        var described = new JsonArray();
        foreach (var item in page.Items.OrderBy(i => i.InstanceId, StringComparer.Ordinal))
        {
            var view = await Harness.Client.GetAsync(item.InstanceId);
            described.Add(new JsonObject
            {
                ["instanceId"] = item.InstanceId,
                ["status"] = item.Status.ToString(),
                ["input"] = view?.Input?.DeepClone(),
                ["output"] = view?.Output?.DeepClone(),
                ["error"] = view?.Error?.Kind,
                ["steps"] = new JsonArray(view?.Timeline.Select(r => (JsonNode?)$"{r.Key} {r.Status} x{r.Attempts}").ToArray() ?? []),
            });
        }

        return described;
    }

    private static string DecisionOf(string token)
    {
        var payload = token.Split('.')[1];
        var json = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(payload))!;
        return json["d"]!.GetValue<string>();
    }

    [GeneratedRegex(@"/api/approvals/(a1\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();
}
