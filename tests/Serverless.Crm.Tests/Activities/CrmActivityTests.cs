using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Crm.Activities;
using Serverless.Crm.Data;
using Serverless.Crm.Notifications;
using Serverless.Crm.Tests.Data;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;

namespace Serverless.Crm.Tests.Activities;

public sealed class CrmActivityTests : IDisposable
{
    private readonly CrmFixture crm = new();

    [Fact]
    public async Task CreateTask_CreatesOneTask_EvenWhenRetried()
    {
        var activity = new CreateTaskActivity(crm.Store);
        var input = new JsonObject
        {
            ["title"] = "Relancer", ["assigned_to"] = 7, ["due_date"] = "2026-12-06T09:00:00Z", ["priority"] = "high",
            ["entity_type"] = "deal", ["entity_id"] = "d1",
        };
        var first = await activity.RunAsync(CrmFixture.Context(input), default);
        var retry = await activity.RunAsync(CrmFixture.Context(input, attempt: 2), default);

        first!["created"]!.GetValue<bool>().Should().BeTrue();
        retry!["created"]!.GetValue<bool>().Should().BeFalse();
        retry["id"]!.ToString().Should().Be(first["id"]!.ToString());
        var task = (await crm.Store.ListAsync<CrmTask>()).Should().ContainSingle().Subject;
        task.AssigneeId.Should().Be("7");
        task.Due.Should().Be(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        task.Entity.Should().Be(new CrmEntityRef("deal", "d1"));
    }

    [Fact]
    public async Task CreateTask_OtherStep_IsAnotherTask()
    {
        var activity = new CreateTaskActivity(crm.Store);
        await activity.RunAsync(CrmFixture.Context(new JsonObject { ["title"] = "a" }, key: "i/action_0"), default);
        await activity.RunAsync(CrmFixture.Context(new JsonObject { ["title"] = "b" }, key: "i/action_1"), default);
        (await crm.Store.ListAsync<CrmTask>()).Should().HaveCount(2);
    }

    [Fact]
    public async Task SendNotification_StoresARow_Once()
    {
        var activity = new SendNotificationActivity(crm.Store, new NotificationHub(Microsoft.Extensions.Options.Options.Create(new CrmNotificationOptions())));
        var input = new JsonObject { ["user_id"] = "u1", ["message"] = "Deal gagné", ["title"] = "Bravo", ["type"] = "success" };
        await activity.RunAsync(CrmFixture.Context(input), default);
        await activity.RunAsync(CrmFixture.Context(input, attempt: 2), default);
        var n = (await crm.Store.ListAsync<Notification>("user_id", "u1")).Should().ContainSingle().Subject;
        n.Body.Should().Be("Deal gagné");
        n.Type.Should().Be("success");
        n.Read.Should().BeFalse();
    }

    [Fact]
    public async Task CreateActivity_StoresTheHistoryLine_AtTheClock()
    {
        var output = await new CreateActivityActivity(crm.Store, crm.Clock).RunAsync(CrmFixture.Context(new JsonObject
        {
            ["type"] = "note", ["title"] = "Relance", ["description"] = "Sans réponse", ["entity_type"] = "organisation", ["entity_id"] = "o1",
        }), default);
        var record = await crm.Store.GetAsync<CrmActivityRecord>(output!["id"]!.ToString());
        record!.Text.Should().Be("Sans réponse");
        record.At.Should().Be(crm.Clock.GetUtcNow());
        record.Entity.Should().Be(new CrmEntityRef("organisation", "o1"));
    }

    [Fact]
    public async Task UpdateField_NamedPropertyAndFreeField_ReturnsBeforeAndAfter()
    {
        await crm.Store.CreateAsync(new Organisation { Id = "o1", Name = "Acme", PipelineStage = "lead" });
        var activity = new UpdateFieldActivity(crm.Changes);
        var output = await activity.RunAsync(CrmFixture.Context(new JsonObject
        {
            ["entity_type"] = "organisation", ["entity_id"] = "o1", ["field"] = "pipeline_stage", ["value"] = "client",
        }), default);
        await activity.RunAsync(CrmFixture.Context(new JsonObject
        {
            ["entity_type"] = "organisation", ["entity_id"] = "o1", ["field"] = "ville", ["value"] = "Lyon",
        }), default);

        output!["before"]!["pipeline_stage"]!.ToString().Should().Be("lead");
        output["after"]!["pipeline_stage"]!.ToString().Should().Be("client");
        var org = await crm.Store.GetAsync<Organisation>("o1");
        org!.PipelineStage.Should().Be("client");
        org.Fields["ville"]!.ToString().Should().Be("Lyon");
    }

    [Fact]
    public async Task UpdateField_MissingEntity_IsNotFound_AndBadValue_IsValidation()
    {
        await crm.Store.CreateAsync(new Deal { Id = "d1", Title = "T" });
        var activity = new UpdateFieldActivity(crm.Changes);
        (await activity.Invoking(a => a.RunAsync(CrmFixture.Context(new JsonObject { ["entity_type"] = "deal", ["entity_id"] = "zz", ["field"] = "stage", ["value"] = "x" }), default))
            .Should().ThrowAsync<ActivityException>()).Which.Kind.Should().Be("NotFound");
        (await activity.Invoking(a => a.RunAsync(CrmFixture.Context(new JsonObject { ["entity_type"] = "deal", ["entity_id"] = "d1", ["field"] = "amount", ["value"] = "beaucoup" }), default))
            .Should().ThrowAsync<ActivityException>()).Which.Kind.Should().Be("Validation");
    }

    [Fact]
    public async Task AssignUser_And_AddTag_ChangeTheEntity_AndAddTagTwiceKeepsOne()
    {
        await crm.Store.CreateAsync(new Person { Id = "p1", Name = "Jean" });
        await new AssignUserActivity(crm.Changes).RunAsync(CrmFixture.Context(new JsonObject { ["entity_type"] = "person", ["entity_id"] = "p1", ["user_id"] = 12 }), default);
        var tag = new AddTagActivity(crm.Changes);
        var input = new JsonObject { ["entity_type"] = "person", ["entity_id"] = "p1", ["tag"] = "chaud" };
        await tag.RunAsync(CrmFixture.Context(input), default);
        await tag.RunAsync(CrmFixture.Context(input, attempt: 2), default);
        var person = await crm.Store.GetAsync<Person>("p1");
        person!.OwnerId.Should().Be("12");
        person.Tags.Should().Equal("chaud");
    }

    [Fact]
    public async Task Entity_FallsBackToTheTriggeringEntity_ElseValidation()
    {
        await crm.Store.CreateAsync(new Deal { Id = "d1", Title = "T" });
        var tag = new AddTagActivity(crm.Changes);
        await tag.RunAsync(CrmFixture.Context(new JsonObject { ["tag"] = "x", ["trigger_entity_type"] = "deal", ["trigger_entity_id"] = "d1" }), default);
        (await crm.Store.GetAsync<Deal>("d1"))!.Tags.Should().Equal("x");
        (await tag.Invoking(a => a.RunAsync(CrmFixture.Context(new JsonObject { ["tag"] = "x" }), default))
            .Should().ThrowAsync<ActivityException>()).Which.Kind.Should().Be("Validation");
    }

    [Fact]
    public async Task DryRun_ChangesNothing_AndSaysWhatItWouldDo()
    {
        await crm.Store.CreateAsync(new Organisation { Id = "o1", Name = "Acme", PipelineStage = "lead" });
        var update = await new UpdateFieldActivity(crm.Changes).RunAsync(CrmFixture.Context(new JsonObject
        {
            ["entity_type"] = "organisation", ["entity_id"] = "o1", ["field"] = "pipeline_stage", ["value"] = "client",
        }, dryRun: true), default);
        await new AddTagActivity(crm.Changes).RunAsync(CrmFixture.Context(new JsonObject { ["entity_type"] = "organisation", ["entity_id"] = "o1", ["tag"] = "t" }, dryRun: true), default);
        await new AssignUserActivity(crm.Changes).RunAsync(CrmFixture.Context(new JsonObject { ["entity_type"] = "organisation", ["entity_id"] = "o1", ["user_id"] = "u9" }, dryRun: true), default);
        var task = await new CreateTaskActivity(crm.Store).RunAsync(CrmFixture.Context(new JsonObject { ["title"] = "a" }, dryRun: true), default);
        await new SendNotificationActivity(crm.Store, new NotificationHub(Microsoft.Extensions.Options.Options.Create(new CrmNotificationOptions()))).RunAsync(CrmFixture.Context(new JsonObject { ["user_id"] = "u1", ["message"] = "m" }, dryRun: true), default);
        await new CreateActivityActivity(crm.Store, crm.Clock).RunAsync(CrmFixture.Context(new JsonObject { ["type"] = "note", ["title"] = "t" }, dryRun: true), default);

        update!["after"]!["pipeline_stage"]!.ToString().Should().Be("client");
        update["changed"]!.GetValue<bool>().Should().BeTrue();
        task!["task"]!["title"]!.ToString().Should().Be("a");
        var org = await crm.Store.GetAsync<Organisation>("o1");
        org!.PipelineStage.Should().Be("lead");
        org.Tags.Should().BeEmpty();
        org.OwnerId.Should().BeNull();
        (await crm.Store.ListAsync<CrmTask>()).Should().BeEmpty();
        (await crm.Store.ListAsync<Notification>()).Should().BeEmpty();
        (await crm.Store.ListAsync<CrmActivityRecord>()).Should().BeEmpty();
    }

    [Fact]
    public async Task SendEmail_ToAndCcInOneMessage_BccACopyEach()
    {
        var email = new FakeEmail();
        var output = await new SendEmailActivity(email, Templates(), crm.Clock).RunAsync(CrmFixture.Context(new JsonObject
        {
            ["to"] = "a@example.com", ["cc"] = new JsonArray("b@example.com"), ["bcc"] = new JsonArray("c@example.com"), ["subject"] = "S", ["body"] = "B",
        }), default);
        email.Sent.Should().HaveCount(2);
        email.Sent[0].To.Should().Equal("a@example.com", "b@example.com");
        email.Sent[1].To.Should().Equal("c@example.com");
        output!["message_ids"]!.AsArray().Should().HaveCount(2);
        await new SendEmailActivity(email, Templates(), crm.Clock).Invoking(a => a.RunAsync(CrmFixture.Context(new JsonObject { ["to"] = "a@example.com", ["subject"] = "S", ["template"] = "welcome" }), default))
            .Should().ThrowAsync<ActivityException>().WithMessage("*no email template 'welcome'*welcome_client*");
    }

    [Fact]
    public async Task SendEmail_NamedTemplate_IsRenderedAgainstTheRunsContext()
    {
        var email = new FakeEmail();
        var context = new JsonObject { ["organisation"] = new JsonObject { ["nom"] = "Acme" }, ["owner"] = new JsonObject { ["name"] = "Julien" } };
        await new SendEmailActivity(email, Templates(("relance", "Bonjour {{organisation.nom}}, ici {{owner.name}}.")), crm.Clock).RunAsync(CrmFixture.Context(new JsonObject
        {
            ["to"] = "a@example.com", ["subject"] = "S", ["template"] = "relance", ["template_context"] = context,
        }), default);
        await new SendEmailActivity(email, Templates(), crm.Clock).RunAsync(CrmFixture.Context(new JsonObject
        {
            ["to"] = "a@example.com", ["subject"] = "S", ["template"] = "welcome_client", ["template_context"] = context.DeepClone(),
        }), default);

        email.Sent[0].TextBody.Should().Be("Bonjour Acme, ici Julien.");
        email.Sent[1].TextBody.Should().StartWith("Bonjour Acme,").And.Contain("Julien, votre interlocuteur");
    }

    private static CrmEmailTemplates Templates(params (string Name, string Body)[] configured)
    {
        var options = new CrmEmailTemplateOptions();
        foreach (var (name, body) in configured)
        {
            options.EmailTemplates[name] = body;
        }

        return new CrmEmailTemplates(Microsoft.Extensions.Options.Options.Create(options));
    }

    [Fact]
    public async Task CallWebhook_PostsJson_WithTheIdempotencyKey()
    {
        var http = new FakeHttp(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"ok\":true}") });
        var output = await new CallWebhookActivity(http).RunAsync(CrmFixture.Context(new JsonObject
        {
            ["url"] = "https://hooks.example.com/crm", ["headers"] = new JsonObject { ["X-Token"] = "t" }, ["body"] = new JsonObject { ["deal"] = "d1" },
        }), default);
        var (request, body) = http.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be(HttpMethod.Post);
        request.Headers.GetValues("Idempotency-Key").Should().Equal("inst-1/action_0");
        request.Headers.GetValues("X-Token").Should().Equal("t");
        JsonNode.Parse(body)!["deal"]!.ToString().Should().Be("d1");
        output!["status"]!.GetValue<int>().Should().Be(200);
        output["response"]!["ok"]!.GetValue<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Validation")]
    [InlineData(HttpStatusCode.NotFound, "Validation")]
    [InlineData(HttpStatusCode.InternalServerError, "Transient")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Transient")]
    [InlineData(HttpStatusCode.TooManyRequests, "RateLimited")]
    public async Task CallWebhook_MapsFailures(HttpStatusCode status, string kind)
    {
        var http = new FakeHttp(_ => new HttpResponseMessage(status));
        (await new CallWebhookActivity(http).Invoking(a => a.RunAsync(CrmFixture.Context(new JsonObject { ["url"] = "https://h.example.com/" }), default))
            .Should().ThrowAsync<ActivityException>()).Which.Kind.Should().Be(kind);
    }

    [Fact]
    public async Task CallWebhook_Timeout_IsTransient_AndDryRunSendsNothing()
    {
        var http = new FakeHttp(_ => throw new TaskCanceledException("timeout"));
        (await new CallWebhookActivity(http).Invoking(a => a.RunAsync(CrmFixture.Context(new JsonObject { ["url"] = "https://h.example.com/" }), default))
            .Should().ThrowAsync<ActivityException>()).Which.Kind.Should().Be("Transient");
        var quiet = new FakeHttp(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var output = await new CallWebhookActivity(quiet).RunAsync(CrmFixture.Context(new JsonObject { ["url"] = "https://h.example.com/" }, dryRun: true), default);
        quiet.Requests.Should().BeEmpty();
        output!["dry_run"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void AddCrm_RegistersEveryCompiledActivity_Once_EvenCalledTwice()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), $"crm-di-{Guid.NewGuid():N}"),
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:Tables:Provider"] = "sqlite",
            ["Storage:Blobs:Provider"] = "files",
            ["Runtime:DataFolder"] = Path.Combine(Path.GetTempPath(), $"crm-di-{Guid.NewGuid():N}"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddWorkflowRuntime(configuration).AddCrm(configuration).AddCrm(configuration);
        string[] jobs = [Jobs.CrmJobs.InactivityActivity, Jobs.CrmJobs.ScheduledActivity, Jobs.CrmJobs.CleanupActivity];
        var registered = services.Where(d => d.ServiceType == typeof(ActivityRegistration)).Select(d => ((ActivityRegistration)d.ImplementationInstance!).ActivityType).ToList();
        registered.Should().HaveCount(CrmNames.Activities.Count + jobs.Length).And.OnlyHaveUniqueItems();
        using var provider = services.BuildServiceProvider();
        var names = registered.Where(t => t.Namespace == typeof(SendEmailActivity).Namespace).Select(t => ((IActivity)provider.GetRequiredService(t)).Name);
        names.Should().BeEquivalentTo(CrmNames.Activities);
        registered.Where(t => t.Namespace != typeof(SendEmailActivity).Namespace).Select(t => t.Name)
            .Should().BeEquivalentTo(["CheckInactivityActivity", "RunScheduledActivity", "CleanupExecutionsActivity"]);
    }

    public void Dispose() => crm.Dispose();
}

public sealed class CompiledEntityInputTests
{
    [Fact]
    public void EntityActions_CarryTheTriggeringEntity_OthersDoNot()
    {
        var compiled = Serverless.Crm.Workflows.CrmWorkflowCompiler.Compile("""
            { "name": "w", "trigger_type": "manual",
              "actions": [ { "type": "add_tag", "config": { "tag": "x" } },
                           { "type": "send_notification", "config": { "user_id": 1, "message": "m" } } ] }
            """, "crm.workflow.9");
        compiled.Problems.Should().BeEmpty(compiled.Json);
        var steps = JsonNode.Parse(compiled.Json)!["steps"]!.AsArray();
        steps[0]!["input"]!["trigger_entity_id"]!.ToString().Should().Be("{{trigger.body.trigger_entity_id}}");
        steps[1]!["input"]!.AsObject().ContainsKey("trigger_entity_id").Should().BeFalse();
    }
}
