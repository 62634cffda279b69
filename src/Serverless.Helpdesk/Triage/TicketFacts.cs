using System.Globalization;
using System.Text.Json.Nodes;

namespace Serverless.Helpdesk.Triage;

/// <summary>The outputs of the reading steps (ticket, deal, exam-portal file, intents) as the triage reads them.</summary>
public sealed record TicketFacts(JsonObject Read, JsonObject Deal, JsonObject Exam, JsonObject Intents)
{
    public DateOnly Today => DateOnly.ParseExact(Text(Read, "today")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool DealFound => Deal["found"]?.GetValue<bool>() ?? false;

    public JsonObject Crm => Deal["crm"] as JsonObject ?? [];

    public JsonObject Lookups => Deal["lookups"] as JsonObject ?? [];

    public JsonArray ExamDates => Deal["examDates"] as JsonArray ?? [];

    public string PrimaryIntent => Text(Intents, "primary") ?? "";

    public IReadOnlyList<string> SecondaryIntents => (Intents["secondary"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList();

    public static string? Text(JsonObject? obj, string name) =>
        obj?[name] is JsonValue value ? value.ToString() : null;

    public static DateOnly? Date(JsonObject? obj, string name) =>
        Text(obj, name) is { Length: >= 10 } text && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>As a candidate reads a date in French: 31/03/2026.</summary>
    public static string? Display(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
