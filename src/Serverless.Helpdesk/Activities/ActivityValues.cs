using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>Reading the helpdesk activities' inputs: objects handed on from earlier steps.</summary>
internal static class ActivityValues
{
    public static JsonObject Object(ActivityContext context, string name) =>
        context.Input?[name] as JsonObject ?? throw new ActivityException(ErrorKinds.Validation, $"Input '{name}' must be an object.");

    public static JsonObject OptionalObject(ActivityContext context, string name) => context.Input?[name] as JsonObject ?? [];

    /// <summary>HTML comment ending a draft or note: invisible to the candidate, found again when the step is retried.</summary>
    public static string Marker(string kind, string ticketId, string? detail = null) =>
        detail is null ? $"<!-- helpdesk-{kind}:{ticketId} -->" : $"<!-- helpdesk-{kind}:{ticketId}:{detail} -->";
}
