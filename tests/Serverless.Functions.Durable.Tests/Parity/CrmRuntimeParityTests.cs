using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions.Execution;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Connectors.Sandbox;
using Serverless.Crm;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Crm.Executions;
using Serverless.Crm.Workflows;
using Serverless.Crm.Workflows.Store;
using Serverless.Engine.Interpreter;
using Serverless.Functions.Durable.Tests.Support;
using Serverless.Runtime.Abstractions;
using Xunit.Abstractions;

namespace Serverless.Functions.Durable.Tests.Parity;

/// <summary>
/// Compiled CRM workflows (seed 002) on the embedded runtime and on Durable at once. Each harness is the host's own
/// service graph (AddEmbeddedHost / AddFunctionsApp, both calling AddCrm); Arrange writes the same small CRM (a
/// commercial, her manager, an organisation and a deal) into each, stores the workflow through CrmWorkflowService
/// (as POST /api/v1/workflows does: the registry compiles it into the catalog) and delivers a change event through
/// ICrmEventSink, the dispatcher. The user-visible outcome (instance, per-action statuses, execution record, CRM
/// records written, sandboxed emails) is normalised and must be equal on both runtimes.
/// </summary>
public sealed partial class CrmRuntimeParityTests(ITestOutputHelper output)
{
    private const string ManagerId = "u-manager";
    private const string OwnerId = "u-owner";
    private const string OrganisationId = "o-1";
    private const string DealId = "d-1";
    private const string SmallOrganisationId = "o-small";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The seed's template verbatim. Its welcome email names a template ("welcome_client") and no body: the
    /// built-in template is rendered against the run's context, on both runtimes; the two tasks and the manager's
    /// notification are created.</summary>
    [Fact]
    public async Task Crm_OnboardingTemplateAsSeeded_SameOutcomeOnBothRuntimes()
    {
        var outcomes = await RunBothAsync("onboarding-seeded", Template(CrmWorkflowTemplates.OnboardingNouveauClient), StageChangedAsync);
        foreach (var o in outcomes)
        {
            using var scope = new AssertionScope(o.Runtime);
            o.View.Status.Should().Be(InstanceStatus.Completed);
            o.Output["outcome"]!.GetValue<string>().Should().Be("SUCCESS");
            o.ActionStatuses.Should().Equal(Enumerable.Repeat(CrmExecutionStatuses.Success, 4));
            o.Execution.Status.Should().Be(CrmExecutionStatuses.Success);
            ExpectWelcomeEmail(o);
            o.Sandbox.Single().Request.ToJsonString().Should().Contain("Nous sommes ravis de vous compter parmi nos clients", "the welcome_client template is rendered");
            ExpectOnboardingTasksAndNotification(o);
        }

        ExpectSame(outcomes);
    }

    /// <summary>The same template with a body beside its template name: the welcome email goes to the sandbox sender.</summary>
    [Fact]
    public async Task Crm_OnboardingTemplateWithBody_SameOutcomeOnBothRuntimes()
    {
        var outcomes = await RunBothAsync("onboarding-body", OnboardingWithBody(), StageChangedAsync);
        foreach (var o in outcomes)
        {
            using var scope = new AssertionScope(o.Runtime);
            o.View.Status.Should().Be(InstanceStatus.Completed);
            o.ActionStatuses.Should().Equal(Enumerable.Repeat(CrmExecutionStatuses.Success, 4));
            o.Execution.Status.Should().Be(CrmExecutionStatuses.Success);
            o.Execution.ErrorMessage.Should().BeNull();
            ExpectWelcomeEmail(o);
            ExpectOnboardingTasksAndNotification(o);
        }

        ExpectSame(outcomes);
    }

    /// <summary>alerte-manager-deal-50k on an organisation created with montant_potentiel 20,000: the compiled guard
    /// ends the run SKIPPED, no action runs.</summary>
    [Fact]
    public async Task Crm_ConditionsFalse_SkippedOnBothRuntimes()
    {
        var outcomes = await RunBothAsync("conditions-false", Template(CrmWorkflowTemplates.AlerteManagerDeal50k), async (harness, eventId) =>
        {
            var services = harness.Services;
            var store = services.GetRequiredService<ICrmStore>();
            var (small, _) = await store.CreateOnceAsync(new Organisation
            {
                Id = SmallOrganisationId,
                Name = "Petit Compte",
                Email = "contact@petit-compte.example",
                PipelineStage = "QUALIFICATION",
                OwnerId = OwnerId,
                Fields = new Dictionary<string, JsonNode?> { ["montant_potentiel"] = 20000 },
            });
            return await PublishAsync(services, new CrmChangeEvent
            {
                EventId = eventId,
                Channel = CrmNames.Channels.OrganisationCreated,
                EntityType = CrmEntityTypes.Organisation,
                EntityId = small.Id,
                After = DocumentCrmStore.ToJson(small),
                OccurredAt = DateTimeOffset.UtcNow,
            });
        });
        foreach (var o in outcomes)
        {
            using var scope = new AssertionScope(o.Runtime);
            o.View.Status.Should().Be(InstanceStatus.Completed);
            o.Output["outcome"]!.GetValue<string>().Should().Be(CrmExecutionStatuses.Skipped);
            o.View.Timeline.Should().NotContain(s => s.StepId.StartsWith("action_", StringComparison.Ordinal));
            o.View.Timeline.Select(s => s.StepId).Should().Contain("skipped");
            o.Execution.Status.Should().Be(CrmExecutionStatuses.Skipped);
            o.Execution.ActionsExecuted.Should().BeEmpty();
            o.Notifications.Should().BeEmpty();
            o.Sandbox.Should().BeEmpty();
        }

        ExpectSame(outcomes);
    }

    /// <summary>update_field on a deal that does not exist fails NotFound (not retried); the tag and the notification
    /// after it still run.</summary>
    [Fact]
    public async Task Crm_FailingActionDoesNotStopTheOthers_SameOutcomeOnBothRuntimes()
    {
        var workflow = JsonNode.Parse("""
        {
          "name": "Organisation mise à jour",
          "trigger_type": "organisation_updated",
          "actions": [
            { "type": "update_field", "config": { "entity_type": "deal", "entity_id": "d-missing", "field": "stage", "value": "PERDU" } },
            { "type": "add_tag", "config": { "entity_type": "deal", "entity_id": "d-1", "tag": "suivi" } },
            { "type": "send_notification", "config": { "user_id": "{{owner.id}}", "message": "{{organisation.nom}} mise à jour", "type": "info" } }
          ],
          "status": "ACTIVE"
        }
        """)!.AsObject();
        var outcomes = await RunBothAsync("failing-action", workflow, async (harness, eventId) =>
        {
            var services = harness.Services;
            var update = await services.GetRequiredService<ICrmStore>().UpdateAsync<Organisation>(OrganisationId, o => o with { Email = "accueil@alforis-demo.example" });
            return await PublishAsync(services, new CrmChangeEvent
            {
                EventId = eventId,
                Channel = CrmNames.Channels.OrganisationUpdated,
                EntityType = CrmEntityTypes.Organisation,
                EntityId = OrganisationId,
                Before = DocumentCrmStore.ToJson(update!.Before),
                After = DocumentCrmStore.ToJson(update.After),
                OccurredAt = DateTimeOffset.UtcNow,
            });
        });
        foreach (var o in outcomes)
        {
            using var scope = new AssertionScope(o.Runtime);
            o.View.Status.Should().Be(InstanceStatus.Completed);
            o.ActionStatuses.Should().Equal(CrmExecutionStatuses.Failed, CrmExecutionStatuses.Success, CrmExecutionStatuses.Success);
            o.Step("action_0").Error!.Kind.Should().Be("NotFound");
            o.Step("action_0").Attempts.Should().Be(1, "NotFound is not retried");
            o.Execution.Status.Should().Be(CrmExecutionStatuses.Failed);
            o.Execution.ErrorMessage.Should().StartWith("1 of 3 actions failed: 0 update_field:");
            o.Deal.Tags.Should().Equal("suivi");
            o.Deal.Stage.Should().Be("PROPOSITION");
            o.Notifications.Should().ContainSingle().Which.Body.Should().Be("Alforis Demo mise à jour");
        }

        ExpectSame(outcomes);
    }

    /// <summary>The dispatcher end to end: CrmChanges.UpdateAsync moves the deal PROPOSITION -> SIGNÉ, which publishes
    /// deal.updated and deal.stage_changed; the ACTIVE onboarding workflow starts once. The same change delivered
    /// twice more through ICrmEventSink (same event id: a retried webhook) starts nothing new on either runtime.</summary>
    [Fact]
    public async Task Crm_DispatcherStartsOncePerEventId_OnBothRuntimes()
    {
        var redelivered = new Dictionary<string, List<CrmDispatchResult>>();
        var outcomes = await RunBothAsync("dispatcher", OnboardingWithBody(), async (harness, _) =>
        {
            var services = harness.Services;
            var changes = services.GetRequiredService<CrmChanges>();
            var write = await changes.UpdateAsync<Deal>(DealId, d => d with { Stage = "SIGNÉ" });
            write!.Dispatch.Started.Should().ContainSingle("only the onboarding workflow listens, on deal.stage_changed");
            var executionId = write.Dispatch.Started[0];
            var execution = await services.GetRequiredService<CrmExecutionStore>().GetAsync(executionId);
            var again = new CrmChangeEvent
            {
                EventId = execution!.EventId!,
                Channel = CrmNames.Channels.DealStageChanged,
                EntityType = CrmEntityTypes.Deal,
                EntityId = DealId,
                Before = DocumentCrmStore.ToJson(write.Before!),
                After = DocumentCrmStore.ToJson(write.After),
                OccurredAt = DateTimeOffset.UtcNow,
                Extra = new JsonObject { ["from_stage"] = "PROPOSITION", ["to_stage"] = "SIGNÉ" },
            };
            var sink = services.GetRequiredService<ICrmEventSink>();
            var results = new List<CrmDispatchResult> { await sink.PublishAsync(again), await sink.PublishAsync(again) };
            lock (redelivered)
            {
                redelivered[harness.Name] = results;
            }

            return executionId;
        });
        redelivered.Should().HaveCount(2);
        foreach (var o in outcomes)
        {
            redelivered[o.Runtime].Select(r => r.Started.Single()).Should().AllBe(o.View.InstanceId, $"[{o.Runtime}] a redelivered event id names the execution it started, and starts nothing new");
        }

        foreach (var o in outcomes)
        {
            using var scope = new AssertionScope(o.Runtime);
            o.View.Status.Should().Be(InstanceStatus.Completed);
            o.Executions.Should().ContainSingle("the same event id starts the workflow once");
            o.Execution.TriggeredBy.Should().Be("event");
            o.Execution.Status.Should().Be(CrmExecutionStatuses.Success);
            o.Deal.Stage.Should().Be("SIGNÉ");
            ExpectWelcomeEmail(o);
            ExpectOnboardingTasksAndNotification(o);
        }

        ExpectSame(outcomes);
    }

    private static void ExpectWelcomeEmail(CrmOutcome o)
    {
        var sent = o.Sandbox.Should().ContainSingle("one welcome email, in the sandbox").Which;
        sent.StepKey.Should().Be("action_0");
        sent.Request.ToJsonString().Should().Contain("contact@alforis-demo.example").And.Contain("Bienvenue chez Alforis Finance, Alforis Demo !");
    }

    /// <summary>Tasks "+3 days" and "+1 day" after their step's start (the interpreter's clock), assigned to the
    /// owner, on the deal; the success notification to the manager with the deal's amount.</summary>
    private static void ExpectOnboardingTasksAndNotification(CrmOutcome o)
    {
        o.Tasks.Select(t => t.Title).Should().BeEquivalentTo("Appel de bienvenue Alforis Demo", "Envoyer documents Alforis Demo");
        foreach (var (stepKey, title, days, priority) in new[] { ("action_1", "Appel de bienvenue Alforis Demo", 3, "normal"), ("action_2", "Envoyer documents Alforis Demo", 1, "high") })
        {
            var task = o.Tasks.Single(t => t.Title == title);
            task.AssigneeId.Should().Be(OwnerId);
            task.Priority.Should().Be(priority);
            task.Entity.Should().Be(new CrmEntityRef(CrmEntityTypes.Deal, DealId));
            var step = o.Step(stepKey);
            step.Status.Should().Be(StepStatus.Completed);
            var due = DateTimeOffset.Parse(step.Input!["due_date"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            task.Due.Should().Be(due, "the task keeps the date its step resolved");
            (due - step.StartedAt).Should().BeCloseTo(TimeSpan.FromDays(days), TimeSpan.FromMinutes(1), $"'+{days} day(s)' is counted from the step's start");
        }

        var notification = o.Notifications.Should().ContainSingle().Which;
        notification.UserId.Should().Be(ManagerId);
        notification.Type.Should().Be("success");
        notification.Body.Should().StartWith("Nouveau client signé: Alforis Demo (80000");
    }

    private void ExpectSame(CrmOutcome[] outcomes)
    {
        var (embedded, durable) = (outcomes[0], outcomes[1]);
        var embeddedText = embedded.Comparable.ToJsonString(Indented);
        var durableText = durable.Comparable.ToJsonString(Indented);
        if (embeddedText != durableText)
        {
            output.WriteLine("embedded:\n" + embeddedText);
            output.WriteLine("durable:\n" + durableText);
        }

        durableText.Split('\n').Should().Equal(embeddedText.Split('\n'), "Durable must show what the embedded runtime shows");
    }

    /// <summary>Starts both runtimes at once, arranges the same CRM and workflow in each, lets <paramref name="act"/>
    /// start the run (it answers with the execution id), waits for its end and reads everything a user sees.</summary>
    private async Task<CrmOutcome[]> RunBothAsync(string name, JsonObject workflow, Func<IRuntimeHarness, string, Task<string>> act)
    {
        var eventId = $"evt-{name}-{Guid.NewGuid():N}"[..40];
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(RunAsync(Runtimes.Embedded, workflow, eventId, act), RunAsync(Runtimes.Durable, workflow, eventId, act));
        output.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:0.0}s");
        foreach (var o in outcomes)
        {
            output.WriteLine($"{o.Runtime}: {o.View.Status}, execution {o.Execution.Status}, actions {string.Join(", ", o.ActionStatuses)}");
        }

        return outcomes;
    }

    private static async Task<CrmOutcome> RunAsync(string runtime, JsonObject workflow, string eventId, Func<IRuntimeHarness, string, Task<string>> act)
    {
        var settings = new Dictionary<string, string?> { ["Crm:DemoData"] = "false", ["Crm:Jobs:Enabled"] = "false" };
        await using var harness = await Runtimes.StartAsync(runtime, _ => { }, settings);
        var services = harness.Services;
        await SeedAsync(services.GetRequiredService<ICrmStore>());
        var created = await services.GetRequiredService<CrmWorkflowService>().CreateAsync(workflow.DeepClone(), "parity");
        created.Problems.Should().BeEmpty();
        var workflowId = created.Workflow!.Id;

        var instanceId = await act(harness, eventId);
        var view = await harness.WaitForEndAsync(instanceId, 60_000);
        var execution = await services.GetRequiredService<CrmExecutionReader>().GetAsync(instanceId);
        execution.Should().NotBeNull();
        var executions = await services.GetRequiredService<CrmExecutionReader>().ListAsync(workflowId);
        var store = services.GetRequiredService<ICrmStore>();
        // By what they say, then id: in the dispatcher test the ids differ between the runtimes (derived from the event id).
        var tasks = (await store.ListAsync<CrmTask>()).OrderBy(t => t.Title, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        var notifications = (await store.ListAsync<Notification>()).OrderBy(n => n.Body, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var deal = (await store.GetAsync<Deal>(DealId))!;
        var sandbox = await services.GetRequiredService<ISandboxCallLog>().ListAsync(instanceId, CancellationToken.None);

        var observed = new JsonObject
        {
            ["execution"] = Describe(execution!),
            ["executions"] = executions.Count,
            ["tasks"] = new JsonArray([.. tasks.Select(t => (JsonNode)DocumentCrmStore.ToJson(t))]),
            ["notifications"] = new JsonArray([.. notifications.Select(n => (JsonNode)DocumentCrmStore.ToJson(n))]),
            ["deal"] = DocumentCrmStore.ToJson(deal),
            ["emails"] = new JsonArray([.. sandbox.Select(c => (JsonNode)new JsonObject { ["step"] = c.StepKey, ["request"] = c.Request.DeepClone() })]),
        };
        // Through text first: the execution's times are DateTimeOffset values in the nodes, which the scrubber (strings
        // only) would keep.
        var normalised = ParityOutcome.From(runtime, view, new ActivityRecorder(), sandbox, JsonNode.Parse(observed.ToJsonString())!.AsObject(), []).Comparable;
        var text = normalised.ToJsonString();
        if (execution!.EventId != eventId)
        {
            // The dispatcher test: CrmChanges gave the change a fresh event id on each runtime, so the instance id and
            // every id derived from its idempotency keys (records, sandbox message ids) differ by construction.
            text = DerivedId().Replace(text.Replace(instanceId, "<execution>", StringComparison.Ordinal)
                .Replace(execution.EventId ?? "<none>", "<event>", StringComparison.Ordinal), "${kind}-<derived>");
            text = SandboxMessageId().Replace(text, "<derived>@sandbox.local");
        }

        var comparable = JsonNode.Parse(text)!.AsObject();
        return new CrmOutcome(runtime, view, execution, executions, tasks, notifications, deal, sandbox, comparable);
    }

    /// <summary>The execution as GET /executions/{id} shows it, without its duration (a time).</summary>
    private static JsonObject Describe(CrmExecution execution) => new()
    {
        ["id"] = execution.Id,
        ["workflowId"] = execution.WorkflowId,
        ["workflowVersion"] = execution.WorkflowVersion,
        ["status"] = execution.Status,
        ["triggeredBy"] = execution.TriggeredBy,
        ["triggerEntityType"] = execution.TriggerEntityType,
        ["triggerEntityId"] = execution.TriggerEntityId,
        ["eventId"] = execution.EventId,
        ["dryRun"] = execution.DryRun,
        ["errorMessage"] = execution.ErrorMessage,
        ["actionsExecuted"] = execution.ActionsExecuted.DeepClone(),
        ["executionLogs"] = execution.ExecutionLogs.DeepClone(),
    };

    private static async Task SeedAsync(ICrmStore store)
    {
        await store.CreateOnceAsync(new User { Id = ManagerId, Name = "Claire Martin", Email = "claire.martin@example.com" });
        await store.CreateOnceAsync(new User { Id = OwnerId, Name = "Julien Bernard", Email = "julien.bernard@example.com", ManagerId = ManagerId });
        await store.CreateOnceAsync(new Organisation
        {
            Id = OrganisationId,
            Name = "Alforis Demo",
            Email = "contact@alforis-demo.example",
            PipelineStage = "PROPOSITION",
            OwnerId = OwnerId,
            Fields = new Dictionary<string, JsonNode?> { ["montant_potentiel"] = 80000, ["type"] = "client" },
        });
        await store.CreateOnceAsync(new Deal
        {
            Id = DealId,
            OrganisationId = OrganisationId,
            Title = "Accompagnement patrimonial",
            Stage = "PROPOSITION",
            Amount = 80000m,
            Currency = "EUR",
            OwnerId = OwnerId,
        });
    }

    /// <summary>The deal moves PROPOSITION -> SIGNÉ in the store, and its stage_changed event (fixed id) is delivered.</summary>
    private static async Task<string> StageChangedAsync(IRuntimeHarness harness, string eventId)
    {
        var services = harness.Services;
        var update = await services.GetRequiredService<ICrmStore>().UpdateAsync<Deal>(DealId, d => d with { Stage = "SIGNÉ" });
        return await PublishAsync(services, new CrmChangeEvent
        {
            EventId = eventId,
            Channel = CrmNames.Channels.DealStageChanged,
            EntityType = CrmEntityTypes.Deal,
            EntityId = DealId,
            Before = DocumentCrmStore.ToJson(update!.Before),
            After = DocumentCrmStore.ToJson(update.After),
            OccurredAt = DateTimeOffset.UtcNow,
            Extra = new JsonObject { ["from_stage"] = "PROPOSITION", ["to_stage"] = "SIGNÉ" },
        });
    }

    private static async Task<string> PublishAsync(IServiceProvider services, CrmChangeEvent change)
    {
        var result = await services.GetRequiredService<ICrmEventSink>().PublishAsync(change);
        result.Stopped.Should().BeNull();
        return result.Started.Should().ContainSingle("the one ACTIVE workflow on this channel matches").Which;
    }

    /// <summary>A seed template as a user posts it to run it: ACTIVE, not a template.</summary>
    private static JsonObject Template(CrmWorkflowTemplate template)
    {
        var json = JsonNode.Parse(template.Json)!.AsObject();
        json["status"] = "ACTIVE";
        json["is_template"] = false;
        return json;
    }

    private static JsonObject OnboardingWithBody()
    {
        var json = Template(CrmWorkflowTemplates.OnboardingNouveauClient);
        json["actions"]![0]!["config"]!["body"] = "Bonjour {{organisation.nom}}, bienvenue ! Votre conseiller {{owner.name}} vous appellera sous trois jours.";
        return json;
    }

    [GeneratedRegex("(?<kind>task|notif|act)-[0-9a-f]{24}")]
    private static partial Regex DerivedId();

    [GeneratedRegex("[a-z0-9]{24}@sandbox\\.local")]
    private static partial Regex SandboxMessageId();

    private sealed record CrmOutcome(
        string Runtime,
        InstanceView View,
        CrmExecution Execution,
        IReadOnlyList<CrmExecution> Executions,
        IReadOnlyList<CrmTask> Tasks,
        IReadOnlyList<Notification> Notifications,
        Deal Deal,
        IReadOnlyList<SandboxCall> Sandbox,
        JsonObject Comparable)
    {
        public JsonObject Output => View.Output!.AsObject();

        public IReadOnlyList<string> ActionStatuses => [.. Execution.ActionsExecuted.Select(a => a!["status"]!.GetValue<string>())];

        public StepRecord Step(string key) => View.Timeline.Single(s => s.Key == key);
    }
}
