using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Serverless.Crm.Data;

namespace Serverless.Crm.Notifications;

/// <summary>The Server-Sent Events text of the stream: one frame per notification, comments for the rest.</summary>
public static class NotificationFrames
{
    public const string EventName = "notification";

    // Not HTML: the relaxed encoder keeps "é" and "+" readable in curl; control characters are still escaped, so
    // the JSON stays on the one data line.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>id: &lt;id&gt;</c>, <c>event: notification</c>, <c>data: &lt;snake_case JSON on one line&gt;</c>, a blank line.</summary>
    public static string Notification(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var json = DocumentCrmStore.ToJson(notification).ToJsonString(Json);
        return new StringBuilder()
            .Append("id: ").Append(OneLine(notification.Id)).Append('\n')
            .Append("event: ").Append(EventName).Append('\n')
            .Append("data: ").Append(json).Append("\n\n")
            .ToString();
    }

    /// <summary>A line the client ignores (": text"): the heartbeat and notes such as dropped notifications.</summary>
    public static string Comment(string text) => $": {OneLine(text)}\n\n";

    // An id with a line break would end the field early and let its rest be read as another field.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
