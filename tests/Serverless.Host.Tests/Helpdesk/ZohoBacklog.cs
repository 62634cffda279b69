using Serverless.Helpdesk.Demo;
using Serverless.Testing.Fakes.Zoho;

namespace Serverless.Host.Tests.Helpdesk;

/// <summary>The demo backlog (12 tickets, one per outcome and date case, dated from today) in a fake Zoho server,
/// and the settings that point a host's real Zoho clients at it.</summary>
internal static class ZohoBacklog
{
    public const int Tickets = 12;

    /// <summary>Tickets the batch answers with a draft (GO and NEEDS_CLARIFICATION) in the demo backlog.</summary>
    public const int Drafted = 8;

    public static readonly IReadOnlyDictionary<string, string> Departments = new Dictionary<string, string>
    {
        ["Helpdesk:Departments:refus-cma"] = "198709000025523150",
        ["Helpdesk:Departments:contact"] = "198709000025523151",
        ["Helpdesk:Departments:comptabilite"] = "198709000025523152",
    };

    public static async Task<FakeZohoServer> StartAsync()
    {
        var zoho = await FakeZohoServer.StartAsync();
        var backlog = new HelpdeskDemoBacklog(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime));
        foreach (var (ticket, threads) in backlog.Tickets)
        {
            zoho.AddTicket(ticket, threads);
        }

        foreach (var (module, record) in backlog.Records)
        {
            zoho.AddRecord(module, record);
        }

        return zoho;
    }

    /// <summary>Settings for an in-memory host: the fake's, the departments, no demo data in the sandbox.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings(FakeZohoServer zoho) =>
        zoho.Settings().Concat(Departments.Select(d => KeyValuePair.Create(d.Key, (string?)d.Value)))
            .Append(KeyValuePair.Create("Helpdesk:DemoData", (string?)"false"));

    /// <summary>The same as environment variables for a host process (Section__Key).</summary>
    public static Dictionary<string, string> Environment(FakeZohoServer zoho) =>
        Settings(zoho).Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
}
