using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Zoho;
using Serverless.Helpdesk.Rules;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>Step 2: the candidate's deal in Zoho CRM, searched by the ticket's email; its exam date and session
/// records (the v3 result's lookups); the upcoming exam dates of the same department with the sessions that end
/// before each of the first two (what CAS 8 and a session change propose); and how many of the candidate's deals are
/// at the Uber offer's amount (two or more: DUPLICATE_UBER). Several deals: the latest won one, else the first.</summary>
internal sealed class FindDealActivity(IConnectorProvider<IZohoCrmClient> crm, IOptions<HelpdeskOptions> options, HelpdeskRules rules) : IActivity
{
    private const int DatesWithSessions = 2;

    public string Name => HelpdeskNames.FindDeal;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var email = ActivityInput.Optional(context, "email");
        var today = ActivityInput.Required(context, "today");
        var f = options.Value.Crm;
        if (string.IsNullOrWhiteSpace(email))
        {
            return NotFound("The ticket has no contact email.");
        }

        var client = crm.For(context);
        var deals = await client.SearchAsync(f.DealsModule, $"({f.Email}:equals:{Criteria(email)})", 50, cancellationToken);
        if (deals.Count == 0)
        {
            return NotFound($"No deal with {f.Email} = {email}.");
        }

        var deal = deals.FirstOrDefault(d => d.Text(f.Stage) is { } stage && stage.StartsWith("GAGN", StringComparison.OrdinalIgnoreCase)) ?? deals[0];
        var uberDeals = deals.Count(d => decimal.TryParse(d.Text(f.Amount), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var a) && a == rules.Triage.UberAmount);
        var examId = deal.LookupId(f.ExamDate);
        var sessionId = deal.LookupId(f.Session);
        var exam = examId is null ? null : await client.GetAsync(f.ExamDatesModule, examId, cancellationToken);
        var session = sessionId is null ? null : await client.GetAsync(f.SessionsModule, sessionId, cancellationToken);
        var dates = new JsonArray();
        if (exam?.Text(f.ExamDepartment) is { } department)
        {
            var upcoming = await client.SearchAsync(f.ExamDatesModule,
                $"(({f.ExamDepartment}:equals:{Criteria(department)}) and ({f.ExamDay}:greater_equal:{today}))", 50, cancellationToken);
            var index = 0;
            foreach (var date in upcoming.OrderBy(d => d.Text(f.ExamDay), StringComparer.Ordinal).Take(4))
            {
                var day = date.Text(f.ExamDay);
                var sessions = index++ < DatesWithSessions && day is not null
                    ? await client.SearchAsync(f.SessionsModule, $"(({f.SessionStart}:greater_than:{today}) and ({f.SessionEnd}:less_than:{day}))", 50, cancellationToken)
                    : [];
                dates.Add(new JsonObject
                {
                    ["id"] = date.Id,
                    ["name"] = date.Text("Name"),
                    ["date"] = day,
                    ["closing"] = date.Text(f.ClosingDay),
                    ["sessions"] = new JsonArray(sessions.OrderBy(s => s.Text(f.SessionStart), StringComparer.Ordinal).Select(s => (JsonNode?)new JsonObject
                    {
                        ["id"] = s.Id,
                        ["name"] = s.Text("Name"),
                        ["type"] = s.Text(f.SessionType),
                        ["start"] = s.Text(f.SessionStart),
                        ["end"] = s.Text(f.SessionEnd),
                    }).ToArray()),
                });
            }
        }

        return new JsonObject
        {
            ["found"] = true,
            ["dealId"] = deal.Id,
            ["dealCount"] = deals.Count,
            ["uberDeals"] = uberDeals,
            ["crm"] = new JsonObject
            {
                ["deal_name"] = deal.Text(f.DealName),
                ["stage"] = deal.Text(f.Stage),
                ["evalbox"] = deal.Text(f.Evalbox),
                ["date_examen_vtc"] = deal.Text(f.ExamDate),
                ["session1"] = sessionId ?? deal.Text(f.Session),
                ["email"] = deal.Text(f.Email) ?? email,
            },
            ["lookups"] = new JsonObject
            {
                ["date_examen"] = exam?.Text(f.ExamDay),
                ["session_type"] = session?.Text(f.SessionType),
                ["session_date_debut"] = session?.Text(f.SessionStart),
                ["session_date_fin"] = session?.Text(f.SessionEnd),
                ["date_cloture"] = exam?.Text(f.ClosingDay),
                ["exam_date_id"] = examId,
                ["departement"] = exam?.Text(f.ExamDepartment),
            },
            ["examDates"] = dates,
        };
    }

    private static JsonObject NotFound(string reason) => new()
    {
        ["found"] = false,
        ["reason"] = reason,
        ["dealCount"] = 0,
        ["uberDeals"] = 0,
        ["crm"] = new JsonObject(),
        ["lookups"] = new JsonObject(),
        ["examDates"] = new JsonArray(),
    };

    /// <summary>Zoho criteria values escape parentheses and commas with a backslash.</summary>
    private static string Criteria(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal)
            .Replace(")", "\\)", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal);
}
