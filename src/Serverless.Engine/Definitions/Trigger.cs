using System.Text.Json.Serialization;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Definitions;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(WebhookTrigger), TriggerTypes.Webhook)]
[JsonDerivedType(typeof(ScheduleTrigger), TriggerTypes.Schedule)]
[JsonDerivedType(typeof(EventTrigger), TriggerTypes.Event)]
[JsonDerivedType(typeof(MailboxTrigger), TriggerTypes.Mailbox)]
[JsonDerivedType(typeof(ManualTrigger), TriggerTypes.Manual)]
public abstract record Trigger;

public static class TriggerTypes
{
    public const string Webhook = "webhook";
    public const string Schedule = "schedule";
    public const string Event = "event";
    public const string Mailbox = "mailbox";
    public const string Manual = "manual";
    public static readonly IReadOnlyList<string> All = [Webhook, Schedule, Event, Mailbox, Manual];
}

/// <summary>Started by an HTTP POST on /api/hooks/{<see cref="Route"/>}, authenticated by <see cref="Auth"/>.</summary>
public sealed record WebhookTrigger(string Route, string Auth = WebhookAuth.ApiKey) : Trigger;

public static class WebhookAuth
{
    public const string None = "none";
    public const string ApiKey = "apiKey";
    public const string Hmac = "hmac";
    public static readonly IReadOnlyList<string> All = [None, ApiKey, Hmac];
}

/// <summary>Cron with five fields, or six when the first is seconds, evaluated in an IANA time zone.</summary>
public sealed record ScheduleTrigger(string Cron, string TimeZone = "UTC") : Trigger;

/// <summary>Started once per message published on <see cref="Channel"/> whose payload matches the condition.</summary>
public sealed record EventTrigger(string Channel, Condition? Condition = null) : Trigger;

/// <summary>Started once per new message in the named mailbox (the IMAP poller arrives with the email agent).</summary>
public sealed record MailboxTrigger(string Mailbox) : Trigger;

public sealed record ManualTrigger : Trigger;
