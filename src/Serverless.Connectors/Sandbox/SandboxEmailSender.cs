using System.Text.Json.Nodes;
using Serverless.Connectors.Email;

namespace Serverless.Connectors.Sandbox;

/// <summary>Email in sandbox mode: records the message it would have sent (no SMTP login) and returns a
/// deterministic Message-ID.</summary>
internal sealed class SandboxEmailSender(SandboxRecorder recorder, SmtpOptions options) : IEmailSender
{
    public async Task<EmailReceipt> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var receipt = new EmailReceipt($"<{SandboxIds.Alphanumeric(recorder.Context.IdempotencyKey, "email", 24)}@sandbox.local>");
        await recorder.RecordAsync(SmtpOptions.ConnectorName, nameof(SendAsync), new JsonObject
        {
            ["from"] = options.From,
            ["to"] = new JsonArray(message.To.Select(t => (JsonNode?)t).ToArray()),
            ["replyTo"] = message.ReplyTo,
            ["subject"] = message.Subject,
            ["text"] = message.TextBody,
            ["html"] = message.HtmlBody,
        }, new JsonObject { ["messageId"] = receipt.MessageId }, cancellationToken);
        return receipt;
    }
}
