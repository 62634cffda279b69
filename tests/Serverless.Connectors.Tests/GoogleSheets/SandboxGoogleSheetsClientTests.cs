using Serverless.Connectors.GoogleSheets;
using Serverless.Connectors.Tests.Fakes;

namespace Serverless.Connectors.Tests.GoogleSheets;

public sealed class SandboxGoogleSheetsClientTests
{
    [Fact]
    public async Task TicketRowSteps_NoServiceAccount_RecordEachCallWithFakeResults()
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?> { ["Connectors:GoogleSheets:SpreadsheetId"] = "1abc" });
        var context = ConnectorTestHost.Context("mail-7", idempotencyKey: "mail-7:sheet-row");
        var sheets = host.Connector<IGoogleSheetsClient>(context);

        (await sheets.FindRowAsync("Tickets", "A", "TKT-2024-007", default)).Should().BeNull();
        var appended = await sheets.AppendRowAsync("Tickets!A:K", ["TKT-2024-007", "=1+1", "Paul"], default);
        var updated = await sheets.UpdateRowAsync($"Tickets!H{appended.RowNumber}", ["En cours"], default);

        appended.RowNumber.Should().BeInRange(2, 1001);
        appended.UpdatedRange.Should().Be($"Tickets!A{appended.RowNumber}:C{appended.RowNumber}");
        updated.RowNumber.Should().Be(appended.RowNumber);
        (await host.Connector<IGoogleSheetsClient>(context).AppendRowAsync("Tickets!A:K", ["TKT-2024-007", "=1+1", "Paul"], default))
            .Should().Be(appended, "a retried step gets the same fake row");

        var calls = await host.CallLog.ListAsync("mail-7", default);
        calls.Select(c => $"{c.Connector}.{c.Operation}").Should().Equal(
            "GoogleSheets.FindRowAsync", "GoogleSheets.AppendRowAsync", "GoogleSheets.UpdateRowAsync");
        calls[0].Request["path"]!.GetValue<string>().Should().Be("/v4/spreadsheets/1abc/values/Tickets%21A%3AA");
        calls[1].Request["method"]!.GetValue<string>().Should().Be("POST");
        calls[1].Request["path"]!.GetValue<string>().Should().EndWith(":append?valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS");
        calls[1].Request["body"]!["values"]![0]![1]!.GetValue<string>().Should().Be("'=1+1", "the record shows what would be sent");
        calls[1].Result!["updatedRange"]!.GetValue<string>().Should().Be(appended.UpdatedRange);
        calls[2].Request["method"]!.GetValue<string>().Should().Be("PUT");
    }

    [Fact]
    public async Task DryRun_WithServiceAccount_NeverAsksForATokenOrWrites()
    {
        await using var server = await FakeGoogleSheetsServer.StartNewAsync();
        server.Seed("Tickets", ["ID"]);
        using var host = ConnectorTestHost.Create(GoogleSheetsClientTests.Settings(server));
        var context = ConnectorTestHost.Context("dry-sheets", dryRun: true);

        await host.Connector<IGoogleSheetsClient>(context).AppendRowAsync("Tickets!A:K", ["TKT-1"], default);

        server.Requests.Should().BeEmpty();
        var call = (await host.CallLog.ListAsync("dry-sheets", default)).Single();
        call.Request.ToJsonString().Should().NotContain("PRIVATE KEY").And.NotContain(FakeGoogleSheetsServer.ClientEmail);
        call.Request["path"]!.GetValue<string>().Should().Contain(FakeGoogleSheetsServer.SpreadsheetId);
    }

    [Fact]
    public async Task For_ServiceAccountSet_IsTheRealClient_ElseTheSandbox()
    {
        await using var server = await FakeGoogleSheetsServer.StartNewAsync();
        using var configured = ConnectorTestHost.Create(GoogleSheetsClientTests.Settings(server));
        using var fresh = ConnectorTestHost.Create();

        configured.Connector<IGoogleSheetsClient>().Should().BeOfType<GoogleSheetsClient>();
        fresh.Connector<IGoogleSheetsClient>().Should().NotBeOfType<GoogleSheetsClient>();
    }
}
