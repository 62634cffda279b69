using Serverless.Connectors.GoogleSheets;
using Serverless.Connectors.Tests.Fakes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Tests.GoogleSheets;

public sealed class GoogleSheetsClientTests : IAsyncLifetime
{
    private static readonly string[] Header = ["ID", "Date", "Expéditeur", "Email", "Sujet", "Catégorie", "Priorité", "Statut", "Description", "Traité par", "Notes"];

    private FakeGoogleSheetsServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeGoogleSheetsServer.StartNewAsync();
        _server.Seed("Tickets", Header,
            ["TKT-2024-001", "15/01/2024", "Jean Dupont", "jean@example.fr", "Panne serveur", "Technique", "Haute", "Nouveau", "Le serveur ne répond plus", "", ""],
            ["TKT-2024-002", "15/01/2024", "Marie Curie", "marie@example.fr", "Devis", "Commercial", "Moyenne", "En cours", "Demande de devis", "", ""]);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    internal static Dictionary<string, string?> Settings(FakeGoogleSheetsServer server) => new()
    {
        ["Connectors:GoogleSheets:BaseUrl"] = server.BaseUrl,
        ["Connectors:GoogleSheets:SpreadsheetId"] = FakeGoogleSheetsServer.SpreadsheetId,
        ["Connectors:GoogleSheets:ServiceAccountJson"] = server.ServiceAccountJson(),
    };

    private ConnectorTestHost Host(TimeProvider? time = null) => ConnectorTestHost.Create(Settings(_server), time);

    private IEnumerable<RecordedRequest> SheetsRequests => _server.Requests.Where(r => r.Path.StartsWith("/v4/", StringComparison.Ordinal));

    [Fact]
    public async Task AppendRow_TicketRow_PostsUserEnteredRowAndReturnsItsRowNumber()
    {
        using var host = Host();

        var row = await host.Connector<IGoogleSheetsClient>().AppendRowAsync("Tickets!A:K",
            ["TKT-2024-003", "16/01/2024", "Paul Martin", "paul@example.fr", "Accès VPN", "Support", "Basse", "Nouveau", "VPN refusé", null, null], default);

        row.Should().Be(new GoogleSheetsRow("Tickets!A4:K4", 4));
        _server.Sheets["Tickets"][3][0].Should().Be("TKT-2024-003");
        var post = SheetsRequests.Single();
        post.Method.Should().Be("POST");
        post.Path.Should().Be($"/v4/spreadsheets/{FakeGoogleSheetsServer.SpreadsheetId}/values/Tickets!A:K:append");
        post.Query.Should().Contain("valueInputOption=USER_ENTERED").And.Contain("insertDataOption=INSERT_ROWS");
        post.Authorization.Should().StartWith("Bearer ya29.");
        post.Body!["majorDimension"]!.GetValue<string>().Should().Be("ROWS");
        post.Body["values"]![0]![4]!.GetValue<string>().Should().Be("Accès VPN");
    }

    [Fact]
    public async Task AppendRow_TextThatLooksLikeAFormula_IsStoredAsTextAndFoundAgain()
    {
        using var host = Host();
        var client = host.Connector<IGoogleSheetsClient>();

        await client.AppendRowAsync("Tickets!A:K", ["TKT-2024-004", "=IMPORTXML(\"https://evil.example/\")", "-5", "-urgent"], default);

        var sent = SheetsRequests.Single().Body!["values"]![0]!;
        sent[1]!.GetValue<string>().Should().Be("'=IMPORTXML(\"https://evil.example/\")", "USER_ENTERED would otherwise run it");
        sent[2]!.GetValue<string>().Should().Be("-5", "numbers stay numbers");
        sent[3]!.GetValue<string>().Should().Be("'-urgent");
        (await client.FindRowAsync("Tickets", "B", "=IMPORTXML(\"https://evil.example/\")", default)).Should().Be(4);
    }

    [Fact]
    public async Task UpdateRow_ExistingTicket_PutsTheRowAndKeepsCellsSentAsNull()
    {
        using var host = Host();

        var row = await host.Connector<IGoogleSheetsClient>().UpdateRowAsync("Tickets!A3:K3",
            [null, null, null, null, null, null, null, "Résolu", null, "Équipe support", "Devis envoyé"], default);

        row.Should().Be(new GoogleSheetsRow("Tickets!A3:K3", 3));
        var put = SheetsRequests.Single();
        put.Method.Should().Be("PUT");
        put.Path.Should().Be($"/v4/spreadsheets/{FakeGoogleSheetsServer.SpreadsheetId}/values/Tickets!A3:K3");
        put.Query.Should().Contain("valueInputOption=USER_ENTERED");
        _server.Sheets["Tickets"][2].Should().Equal("TKT-2024-002", "15/01/2024", "Marie Curie", "marie@example.fr", "Devis", "Commercial",
            "Moyenne", "Résolu", "Demande de devis", "Équipe support", "Devis envoyé");
    }

    [Fact]
    public async Task FindRow_ValueInColumn_ReturnsItsRowNumber()
    {
        using var host = Host();

        var row = await host.Connector<IGoogleSheetsClient>().FindRowAsync("Tickets", "A", "TKT-2024-002", default);

        row.Should().Be(3);
        var get = SheetsRequests.Single();
        get.Method.Should().Be("GET");
        get.Path.Should().Be($"/v4/spreadsheets/{FakeGoogleSheetsServer.SpreadsheetId}/values/Tickets!A:A");
    }

    [Fact]
    public async Task FindRow_ValueAbsent_ReturnsNull()
    {
        using var host = Host();

        (await host.Connector<IGoogleSheetsClient>().FindRowAsync("Tickets", "A", "TKT-2024-999", default)).Should().BeNull();
        (await host.Connector<IGoogleSheetsClient>().FindRowAsync("Tickets", "K", "anything", default)).Should().BeNull("an empty column has no values at all");
    }

    [Fact]
    public async Task FindRow_SheetNameWithSpace_QuotesItInTheRange()
    {
        _server.Seed("Ticket rows", ["ID"], [], ["TKT-1"]);
        using var host = Host();

        (await host.Connector<IGoogleSheetsClient>().FindRowAsync("Ticket rows", "A", "TKT-1", default)).Should().Be(3, "the empty row 2 still counts");
        SheetsRequests.Single().Path.Should().EndWith("/values/'Ticket rows'!A:A");
    }

    [Fact]
    public async Task Token_SeveralCalls_OneSignedAssertionWithTheDocumentedClaims()
    {
        using var host = Host();
        var client = host.Connector<IGoogleSheetsClient>();

        await client.FindRowAsync("Tickets", "A", "TKT-2024-001", default);
        await client.UpdateRowAsync("Tickets!H2", ["En cours"], default);
        await host.Connector<IGoogleSheetsClient>().FindRowAsync("Tickets", "A", "TKT-2024-002", default);

        var (header, claims) = _server.Assertions.Single();
        header["kid"]!.GetValue<string>().Should().Be(FakeGoogleSheetsServer.KeyId);
        claims["iss"]!.GetValue<string>().Should().Be(FakeGoogleSheetsServer.ClientEmail);
        claims["scope"]!.GetValue<string>().Should().Be("https://www.googleapis.com/auth/spreadsheets");
        claims["aud"]!.GetValue<string>().Should().Be(_server.TokenUrl);
        (claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>()).Should().Be(3600);
        _server.Requests.Single(r => r.Path == "/token").RawBody.Should().StartWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=");
        SheetsRequests.Select(r => r.Authorization).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Token_NearExpiry_IsRefreshedOnceThenReused()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        _server.Clock = clock;
        using var host = Host(clock);
        var client = host.Connector<IGoogleSheetsClient>();

        await client.FindRowAsync("Tickets", "A", "x", default);
        clock.Advance(TimeSpan.FromMinutes(50));
        await client.FindRowAsync("Tickets", "A", "x", default);
        _server.Assertions.Should().ContainSingle("a token lasts an hour");

        clock.Advance(TimeSpan.FromMinutes(6));
        await client.FindRowAsync("Tickets", "A", "x", default);
        await client.FindRowAsync("Tickets", "A", "x", default);

        _server.Assertions.Should().HaveCount(2, "it is refreshed within five minutes of its expiry, once");
        _server.Assertions.Last().Claims["iat"]!.GetValue<long>().Should().Be(clock.GetUtcNow().ToUnixTimeSeconds());
        SheetsRequests.Select(r => r.Authorization).Distinct().Should().HaveCount(2);
    }

    [Fact]
    public async Task Token_ConcurrentFirstCalls_OneTokenRequest()
    {
        using var host = Host();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.Connector<IGoogleSheetsClient>().FindRowAsync("Tickets", "A", "x", default)));

        _server.Assertions.Should().ContainSingle();
        _server.Requests.Count(r => r.Path == "/token").Should().Be(1);
    }

    [Fact]
    public async Task TokenUrl_Set_OverridesTheKeysTokenUriAndIsTheAudience()
    {
        var settings = Settings(_server);
        settings["Connectors:GoogleSheets:ServiceAccountJson"] = _server.ServiceAccountJson(tokenUri: "https://oauth2.googleapis.com/token");
        settings["Connectors:GoogleSheets:TokenUrl"] = _server.TokenUrl;
        using var host = ConnectorTestHost.Create(settings);

        (await host.Connector<IGoogleSheetsClient>().FindRowAsync("Tickets", "A", "TKT-2024-001", default)).Should().Be(2);
        _server.Assertions.Single().Claims["aud"]!.GetValue<string>().Should().Be(_server.TokenUrl);
    }

    [Fact]
    public async Task RevokedToken_FailsUnauthorized_AndTheNextCallGetsANewToken()
    {
        using var host = Host();
        var client = host.Connector<IGoogleSheetsClient>();
        await client.FindRowAsync("Tickets", "A", "x", default);
        _server.RevokeTokens();

        var failure = (await FluentActions.Awaiting(() => client.FindRowAsync("Tickets", "A", "x", default)).Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.Unauthorized);
        failure.Message.Should().Contain("UNAUTHENTICATED").And.NotContain("ya29.");
        (await client.FindRowAsync("Tickets", "A", "TKT-2024-001", default)).Should().Be(2);
        _server.Assertions.Should().HaveCount(2);
    }

    [Fact]
    public async Task KeyGoogleDoesNotKnow_TokenRefused_FailsUnauthorizedWithoutTheKey()
    {
        using var other = System.Security.Cryptography.RSA.Create(2048);
        var otherPem = other.ExportPkcs8PrivateKeyPem();
        var settings = Settings(_server);
        settings["Connectors:GoogleSheets:ServiceAccountJson"] = _server.ServiceAccountJson(privateKeyPem: otherPem);
        using var host = ConnectorTestHost.Create(settings);

        var failure = (await FluentActions.Awaiting(() => host.Connector<IGoogleSheetsClient>().FindRowAsync("Tickets", "A", "x", default))
            .Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.Unauthorized);
        failure.Message.Should().Contain("Invalid JWT Signature").And.Contain("invalid_grant").And.NotContain("PRIVATE KEY");
        SheetsRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_WaitsAndRetries()
    {
        using var host = Host();
        var client = host.Connector<IGoogleSheetsClient>();
        await client.FindRowAsync("Tickets", "A", "x", default);
        _server.Script(new ScriptedResponse(429, FakeGoogleSheetsServer.Error(429,
            "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'.", "RESOURCE_EXHAUSTED"))
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
        });

        var row = await client.AppendRowAsync("Tickets!A:K", ["TKT-2024-005"], default);

        row.RowNumber.Should().Be(4);
        var attempts = SheetsRequests.Where(r => r.Method == "POST").ToList();
        attempts.Should().HaveCount(2);
        (attempts[1].At - attempts[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        _server.Sheets["Tickets"].Should().HaveCount(4, "the refused attempt wrote nothing");
    }

    [Fact]
    public async Task UnknownSpreadsheet_FailsNotFoundWithGooglesMessage()
    {
        var settings = Settings(_server);
        settings["Connectors:GoogleSheets:SpreadsheetId"] = "1NoSuchSpreadsheet";
        using var host = ConnectorTestHost.Create(settings);

        var failure = (await FluentActions.Awaiting(() => host.Connector<IGoogleSheetsClient>().AppendRowAsync("Tickets!A:K", ["x"], default))
            .Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.NotFound);
        failure.Message.Should().Contain("Requested entity was not found. [NOT_FOUND]");
    }

    [Fact]
    public async Task ServiceAccountFile_Set_IsReadAndUsed()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sa-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, _server.ServiceAccountJson());
        try
        {
            var settings = Settings(_server);
            settings.Remove("Connectors:GoogleSheets:ServiceAccountJson");
            settings["Connectors:GoogleSheets:ServiceAccountFile"] = file;
            using var host = ConnectorTestHost.Create(settings);
            host.ValidateOnStart();

            (await host.Connector<IGoogleSheetsClient>().FindRowAsync("Tickets", "A", "TKT-2024-002", default)).Should().Be(3);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void RowNumbers_AreParsedFromQuotedSheetNames()
    {
        GoogleSheetsPayloads.RowOf("'Tickets!2024'!A12:K12").Should().Be(12);
        GoogleSheetsPayloads.RowOf("Tickets!B7").Should().Be(7);
        GoogleSheetsPayloads.QuoteSheet("L'équipe").Should().Be("'L''équipe'");
    }
}
