using Microsoft.Extensions.Options;
using Serverless.Connectors.GoogleSheets;
using Serverless.Mail.Tickets;

namespace Serverless.Mail.Tests.Tickets;

/// <summary>The ticket's row in the sheet: found by id and updated, else appended once, in the seed's columns.
/// The sheet here is a list of rows in memory that answers as Sheets does (1-based rows, a header row); the
/// Sheets client itself is tested against a fake Sheets server in Serverless.Connectors.Tests.</summary>
public sealed class TicketSheetMirrorTests
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);

    private static Ticket Ticket(string id, string status = "Nouveau", string description = "Plus rien ne fonctionne.") =>
        new(id, Opened, "Léa Bernard", "lea@example.com", "Production arrêtée", "Technique", "Critique", status, description, "Équipe technique", null, [], []);

    private static TicketSheetMirror Mirror(string sheet = "Tickets") => new(Options.Create(new TicketSheetOptions { Enabled = true, Sheet = sheet }));

    [Fact]
    public async Task Mirror_AppendsANewTicket_ThenUpdatesItsRow_NeverAddingASecond()
    {
        var sheet = new SheetInMemory();
        sheet.Rows.Add([.. TicketSheetMirror.Columns]);
        sheet.Rows.Add(["TKT-2026-000001", "", "", "", "", "", "", "", "", "", ""]);

        var first = await Mirror().MirrorAsync(Ticket("TKT-2026-000002"), sheet, CancellationToken.None);
        var again = await Mirror().MirrorAsync(Ticket("TKT-2026-000002", status: "En cours"), sheet, CancellationToken.None);

        first.Should().Be(new SheetMirrorResult("appended", 3, "Tickets!A3:K3"));
        again.Should().Be(new SheetMirrorResult("updated", 3, "Tickets!A3:K3"));
        sheet.Rows.Should().HaveCount(3);
        sheet.Rows[2].Should().Equal("TKT-2026-000002", "2026-12-03 09:30", "Léa Bernard", "lea@example.com", "Production arrêtée",
            "Technique", "Critique", "En cours", "Plus rien ne fonctionne.", "Équipe technique", "");
        sheet.Ranges.Should().Equal("Tickets!A:K", "Tickets!A3:K3");
    }

    [Fact]
    public async Task Mirror_ATabNameWithASpace_IsQuotedInTheRange()
    {
        var sheet = new SheetInMemory();

        await Mirror("Tickets 2026").MirrorAsync(Ticket("TKT-2026-000009"), sheet, CancellationToken.None);

        sheet.Ranges.Should().Equal("'Tickets 2026'!A:K");
    }

    [Fact]
    public void Row_ALongDescription_IsCutUnderTheSheetsCellLimit()
    {
        var row = TicketSheetMirror.Row(Ticket("TKT-2026-000003", description: new string('x', 60_000)));

        row[8]!.Length.Should().BeLessThan(50_000);
        row[8].Should().EndWith("[…]");
        row.Should().HaveCount(TicketSheetMirror.Columns.Count);
    }

    private sealed class SheetInMemory : IGoogleSheetsClient
    {
        public List<List<string?>> Rows { get; } = [];

        public List<string> Ranges { get; } = [];

        public Task<GoogleSheetsRow> AppendRowAsync(string range, IReadOnlyList<string?> values, CancellationToken cancellationToken)
        {
            Ranges.Add(range);
            Rows.Add([.. values]);
            var sheet = range[..range.IndexOf('!', StringComparison.Ordinal)];
            return Task.FromResult(new GoogleSheetsRow($"{sheet}!A{Rows.Count}:K{Rows.Count}", Rows.Count));
        }

        public Task<GoogleSheetsRow> UpdateRowAsync(string range, IReadOnlyList<string?> values, CancellationToken cancellationToken)
        {
            Ranges.Add(range);
            var row = int.Parse(range[(range.IndexOf("!A", StringComparison.Ordinal) + 2)..range.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            Rows[row - 1] = [.. values.Select((v, i) => v ?? Rows[row - 1][i])];
            return Task.FromResult(new GoogleSheetsRow(range, row));
        }

        public Task<int?> FindRowAsync(string sheet, string column, string value, CancellationToken cancellationToken)
        {
            column.Should().Be("A");
            var index = Rows.FindIndex(r => r.Count > 0 && r[0] == value);
            return Task.FromResult<int?>(index < 0 ? null : index + 1);
        }
    }
}
