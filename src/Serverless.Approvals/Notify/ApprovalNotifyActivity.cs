using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Approvals.Configuration;
using Serverless.Approvals.Slack;
using Serverless.Connectors.Email;
using Serverless.Connectors.Selection;
using Serverless.Runtime.Abstractions;

namespace Serverless.Approvals.Notify;

/// <summary>
/// "approval.notify": runs when a gate opens, at each reminder and on escalation. Sends each approver with an email
/// address the request email with signed links, and posts the Block Kit request to Slack when "slack" is among the
/// channels (to the approvers written as channels, "#name" or a channel id, else to Approvals:Slack:Channel).
/// </summary>
public sealed class ApprovalNotifyActivity(
    IConnectorProvider<IEmailSender> email,
    IConnectorProvider<ISlackWebApi> slack,
    DecisionLinks links,
    IOptionsMonitor<ApprovalOptions> options,
    ILogger<ApprovalNotifyActivity> logger) : IActivity
{
    public const string ActivityName = "approval.notify";
    public const string EmailChannel = "email";
    public const string SlackChannel = "slack";
    public const string SlackApprover = "slack";

    public string Name => ActivityName;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = ApprovalRequest.Parse(context.Input);
        var texts = ApprovalTexts.For(options.CurrentValue.Language);
        var emailed = new JsonArray();
        var posted = new JsonArray();

        if (request.Channels.Contains(EmailChannel, StringComparer.OrdinalIgnoreCase))
        {
            var sender = email.For(context);
            foreach (var approver in request.Approvers.Where(a => a.Contains('@', StringComparison.Ordinal) && !a.StartsWith('#')))
            {
                var message = ApprovalEmails.Build(request, approver, texts, links.ForApprover(request, approver, context.IdempotencyKey));
                var receipt = await sender.SendAsync(message, cancellationToken);
                emailed.Add(new JsonObject { ["to"] = approver, ["messageId"] = receipt.MessageId });
            }
        }

        if (request.Channels.Contains(SlackChannel, StringComparer.OrdinalIgnoreCase))
        {
            var api = slack.For(context);
            var channels = SlackChannels(request);
            if (channels.Count == 0)
            {
                logger.LogWarning("Gate {Gate}: Slack requested but no approver is a channel and Approvals:Slack:Channel is empty", request.GateId);
            }

            foreach (var channel in channels)
            {
                var blocks = SlackBlocks.Request(request, texts, d => links.Token(request, SlackApprover, d, context.IdempotencyKey + "\n" + channel));
                var title = request.Reminder > 0 ? $"{texts.Reminder(request.Reminder)} : {request.Subject}" : request.Subject;
                var message = await api.PostMessageAsync(channel, title, blocks, cancellationToken);
                posted.Add(new JsonObject { ["channel"] = message.Channel, ["ts"] = message.Ts });
            }
        }

        return new JsonObject
        {
            ["gateId"] = request.GateId,
            ["group"] = request.Group,
            ["reminder"] = request.Reminder,
            ["emails"] = emailed,
            ["slack"] = posted,
        };
    }

    private List<string> SlackChannels(ApprovalRequest request)
    {
        var named = request.Approvers.Where(a => a.StartsWith('#') || (a.Length > 1 && a[0] is 'C' or 'G' && a.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))))
            .Select(a => a.TrimStart('#')).ToList();
        if (named.Count == 0 && options.CurrentValue.Slack.Channel is { Length: > 0 } fallback)
        {
            named.Add(fallback.TrimStart('#'));
        }

        return named;
    }
}
