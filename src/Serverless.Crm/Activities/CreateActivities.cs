using System.Text.Json.Nodes;
using Serverless.Crm.Data;
using Serverless.Crm.Notifications;
using Serverless.Crm.Workflows;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Crm.Activities;

/// <summary>crm.create_task: a task (title, description, assigned_to, due_date, priority) on the triggering entity
/// (or entity_type/entity_id). Its id comes from the step's idempotency key: a retried step finds its task.</summary>
public sealed class CreateTaskActivity(ICrmStore store) : IActivity
{
    public string Name => CrmNames.Activity(CrmActionTypes.CreateTask);

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var task = new CrmTask
        {
            Id = CrmActivityInputs.NewId("task", context),
            Title = ActivityInput.Required(context, "title"),
            Description = ActivityInput.Optional(context, "description"),
            AssigneeId = ActivityInput.Optional(context, "assigned_to"),
            Due = CrmActivityInputs.Date(context, "due_date"),
            Priority = ActivityInput.Optional(context, "priority") ?? "normal",
            Entity = CrmActivityInputs.Entity(context, required: false),
        };
        return await CrmCreation.CreateAsync(store, context, task, "task", cancellationToken);
    }
}

/// <summary>crm.send_notification: an in-app notification row for user_id (message, title, type), published live to
/// the user's open streams by the attempt that created it (a retry that finds it was published already or is kept).</summary>
public sealed class SendNotificationActivity(ICrmStore store, INotificationHub hub) : IActivity
{
    public string Name => CrmNames.Activity(CrmActionTypes.SendNotification);

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var notification = new Notification
        {
            Id = CrmActivityInputs.NewId("notif", context),
            UserId = ActivityInput.Required(context, "user_id").Trim(),
            Title = ActivityInput.Optional(context, "title"),
            Body = ActivityInput.Required(context, "message"),
            Type = ActivityInput.Optional(context, "type") ?? "info",
        };
        return await CrmCreation.CreateAsync(store, context, notification, "notification", cancellationToken, created => hub.Publish(created));
    }
}

/// <summary>crm.create_activity: a line of history (type, title, description) on the triggering entity (or
/// entity_type/entity_id), at the step's time.</summary>
public sealed class CreateActivityActivity(ICrmStore store, TimeProvider time) : IActivity
{
    public string Name => CrmNames.Activity(CrmActionTypes.CreateActivity);

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = new CrmActivityRecord
        {
            Id = CrmActivityInputs.NewId("act", context),
            Type = ActivityInput.Required(context, "type"),
            Title = ActivityInput.Required(context, "title"),
            Text = ActivityInput.Optional(context, "description"),
            Entity = CrmActivityInputs.Entity(context, required: false),
            At = time.GetUtcNow(),
        };
        return await CrmCreation.CreateAsync(store, context, record, "activity", cancellationToken);
    }
}

internal static class CrmCreation
{
    /// <summary>Creates the record once (or, in a dry run, only says what it would create).</summary>
    public static async Task<JsonObject> CreateAsync<T>(
        ICrmStore store, ActivityContext context, T record, string name, CancellationToken cancellationToken, Action<T>? onCreated = null)
        where T : CrmEntity
    {
        if (context.DryRun)
        {
            return new JsonObject { ["id"] = record.Id, ["created"] = false, ["dry_run"] = true, [name] = DocumentCrmStore.ToJson(record) };
        }

        var (stored, created) = await store.CreateOnceAsync(record, cancellationToken);
        if (created)
        {
            onCreated?.Invoke(stored);
        }

        return new JsonObject { ["id"] = stored.Id, ["created"] = created, ["dry_run"] = false, [name] = DocumentCrmStore.ToJson(stored) };
    }

    public static ActivityException Invalid(ActivityContext context, string message) => new(ErrorKinds.Validation, $"{context.StepKey}: {message}");
}
