using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Connectors.Tests.Fakes;
using Serverless.Connectors.Zoho;
using Serverless.Testing.Fakes.Zoho;

namespace Serverless.Connectors.Tests.Zoho;

/// <summary>Tickets, threads and hosts the Zoho tests share.</summary>
internal static class ZohoSamples
{
    public const string Support = "198709000000010001";
    public const string Billing = "198709000000010002";

    public static readonly DateTimeOffset Monday = new(2026, 2, 2, 10, 15, 30, TimeSpan.Zero);

    public static ZohoDeskTicket Ticket(string id, int number, DateTimeOffset created, string status = "Open", string department = Support) =>
        new(id, number.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Cannot log in ({number})", status, department,
            $"customer{number}@example.com", "Anna Maria Schmidt", created, $"<div>Since this morning the login page fails ({number}).</div>");

    public static ZohoDeskThread DeskThread(string id, DateTimeOffset created, string direction = "in", string status = "SUCCESS", string? content = null) =>
        new(id, "EMAIL", status, direction, direction == "in" ? "customer@example.com" : "support@acme.zohodesk.com",
            direction == "in" ? "support@acme.zohodesk.com" : "customer@example.com", created, null, content ?? $"<div>Message {id}</div>", "text/html");

    public static ConnectorTestHost Host(FakeZohoServer server, TimeProvider? time = null, CapturedLogs? logs = null,
        Action<Dictionary<string, string?>>? change = null, bool crmFromApiDomain = false)
    {
        var settings = server.Settings(crmFromApiDomain);
        change?.Invoke(settings);
        return ConnectorTestHost.Create(settings, time, logs is null ? null : services =>
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
    }

    public static IEnumerable<FakeZohoRequest> Api(this FakeZohoServer server) =>
        server.Requests.Where(r => !r.Path.StartsWith("/oauth/", StringComparison.Ordinal));
}
