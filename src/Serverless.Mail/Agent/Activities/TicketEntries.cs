using Serverless.Mail.Tickets;
using Serverless.Runtime.Abstractions;

namespace Serverless.Mail.Agent.Activities;

/// <summary>The thread entry of the message a step's input describes (the fields mail.read returns).</summary>
internal static class TicketEntries
{
    public static TicketEntry FromInput(ActivityContext context, TimeProvider time) => new(
        DateOfMessage(context, time),
        ActivityInput.Required(context, "messageId"),
        ActivityInput.Optional(context, "senderAddress") ?? "",
        ActivityInput.Optional(context, "subject") ?? "",
        ActivityInput.Optional(context, "text") ?? "");

    /// <summary>The message's Date header, or now when it had none or an unreadable one.</summary>
    public static DateTimeOffset DateOfMessage(ActivityContext context, TimeProvider time) =>
        DateTimeOffset.TryParse(ActivityInput.Optional(context, "date"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : time.GetUtcNow();
}
