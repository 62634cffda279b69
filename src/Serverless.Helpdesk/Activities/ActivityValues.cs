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

    /// <summary>The reference ending a draft or note ("helpdesk-draft:{ticket id}"), found again when the step is
    /// retried. Plain text, not an HTML comment: Zoho Desk's editor may drop comments and rewrite markup, and a
    /// marker it dropped would let a retry write a second draft.</summary>
    public static string Marker(string kind, string ticketId, string? detail = null) =>
        detail is null ? $"helpdesk-{kind}:{ticketId}" : $"helpdesk-{kind}:{ticketId}:{detail}";

    /// <summary>The marker as the content's last line, small and grey: the agent who reviews the draft may remove it.</summary>
    public static string MarkerLine(string marker) => $"\n<p style=\"color:#999999;font-size:10px\">Réf. {marker}</p>";
}
