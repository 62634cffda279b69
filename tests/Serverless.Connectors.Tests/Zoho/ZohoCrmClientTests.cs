using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Serverless.Connectors.Zoho;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;
using Serverless.Testing.Fakes.Zoho;

namespace Serverless.Connectors.Tests.Zoho;

public sealed class ZohoCrmClientTests : IAsyncLifetime
{
    private FakeZohoServer _server = null!;
    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeZohoServer.StartAsync();
        for (var i = 1; i <= 450; i++)
        {
            _server.AddRecord("Deals", new JsonObject
            {
                ["id"] = $"D{i:0000}",
                ["Deal_Name"] = $"Deal {i}",
                ["Amount"] = i * 100,
                ["Stage"] = i % 3 == 0 ? "Closed Won" : "Qualification",
                ["Account_Name"] = new JsonObject { ["name"] = i == 7 ? "Acme (Europe), GmbH" : "Globex", ["id"] = $"A{i % 5}" },
            });
        }

        _host = ZohoSamples.Host(_server);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    private IZohoCrmClient Client => _host.Connector<IZohoCrmClient>();

    private List<Dictionary<string, string>> SearchQueries() =>
        [.. _server.Api().Where(r => r.Path == "/crm/v7/Deals/search")
            .Select(r => QueryHelpers.ParseQuery(r.Query).ToDictionary(p => p.Key, p => p.Value.ToString()))];

    [Fact]
    public async Task Search_ManyPages_FollowsMoreRecordsToTheEnd()
    {
        var found = await Client.SearchAsync("Deals", "(Amount:greater_than:0)", 1000, default);

        found.Should().HaveCount(450);
        found.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        found[0].Id.Should().Be("D0001");
        found[0].Fields["Amount"]!.GetValue<int>().Should().Be(100);
        var queries = SearchQueries();
        queries.Select(q => q["page"]).Should().Equal("1", "2", "3");
        queries.Should().OnlyContain(q => q["per_page"] == "200" && q["criteria"] == "(Amount:greater_than:0)");
    }

    [Fact]
    public async Task Search_MaxRecords_StopsAsSoonAsItHasThem()
    {
        var found = await Client.SearchAsync("Deals", "(Stage:equals:Qualification)", 250, default);

        found.Should().HaveCount(250);
        found.Should().OnlyContain(r => r.Text("Stage") == "Qualification");
        SearchQueries().Select(q => q["page"]).Should().Equal("1", "2");
    }

    [Fact]
    public async Task Search_FewWanted_AsksForAPageOfThatSize()
    {
        var found = await Client.SearchAsync("Deals", "((Stage:equals:Closed Won)and(Amount:less_equal:1500))", 3, default);

        found.Select(r => r.Id).Should().Equal("D0003", "D0006", "D0009");
        SearchQueries().Should().ContainSingle().Which["per_page"].Should().Be("3");
    }

    [Fact]
    public async Task Search_NothingFound_204_IsEmpty()
    {
        (await Client.SearchAsync("Deals", "(Deal_Name:equals:No such deal)", 10, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Search_EscapedValueAndLookup_TravelsIntactAndMatchesByName()
    {
        var found = await Client.SearchAsync("Deals", @"(Account_Name:equals:Acme \(Europe\)\, GmbH)", 10, default);

        found.Should().ContainSingle().Which.Id.Should().Be("D0007");
        found[0].Text("Account_Name").Should().Be("Acme (Europe), GmbH");
        found[0].LookupId("Account_Name").Should().Be("A2");
    }

    [Fact]
    public async Task Search_CriteriaZohoRefuses_FailsValidationWithItsCode()
    {
        var failure = (await FluentActions.Awaiting(() => Client.SearchAsync("Deals", "(Stage:like:Won)", 10, default))
            .Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.Validation);
        failure.Message.Should().Contain("Zoho CRM rejected the request (HTTP 400)").And.Contain("INVALID_QUERY");
    }

    [Fact]
    public async Task Get_ReturnsTheWholeRecord()
    {
        var deal = await Client.GetAsync("Deals", "D0042", default);

        deal!.Id.Should().Be("D0042");
        deal.Text("Deal_Name").Should().Be("Deal 42");
        deal.Fields["Amount"]!.GetValue<int>().Should().Be(4200);
        deal.LookupId("Account_Name").Should().Be("A2");
        _server.Api().Single().Path.Should().Be("/crm/v7/Deals/D0042");
    }

    [Fact]
    public async Task Get_Unknown_IsNull()
    {
        (await Client.GetAsync("Deals", "D9999", default)).Should().BeNull();
    }

    [Fact]
    public async Task Update_PutsTheFields_AndTheRecordChanges()
    {
        await Client.UpdateAsync("Deals", "D0001", new JsonObject { ["Stage"] = "Closed Won", ["Description"] = "Renewed by phone" }, default);

        var put = _server.Api().Single();
        put.Method.Should().Be("PUT");
        put.Path.Should().Be("/crm/v7/Deals/D0001");
        JsonNode.Parse(put.Body)!["data"]![0]!["Stage"]!.GetValue<string>().Should().Be("Closed Won");
        _server.Record("Deals", "D0001")!["Stage"]!.GetValue<string>().Should().Be("Closed Won");
        _server.Updates.Single().Applied.Should().BeTrue();
        (await Client.GetAsync("Deals", "D0001", default))!.Text("Description").Should().Be("Renewed by phone");
    }

    [Fact]
    public async Task Update_RecordRefused_FailsWithZohosCodeMessageAndField()
    {
        _server.RefuseUpdates("Deals", "Amount", "INVALID_DATA", "invalid data");

        var failure = (await FluentActions.Awaiting(() => Client.UpdateAsync("Deals", "D0001", new JsonObject { ["Amount"] = "lots" }, default))
            .Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.Validation);
        failure.Message.Should().Be("Zoho CRM refused the update of Deals D0001: invalid data [INVALID_DATA] (field Amount)");
        _server.Record("Deals", "D0001")!["Amount"]!.GetValue<int>().Should().Be(100);
    }

    [Fact]
    public async Task Update_UnknownRecord_FailsNotFound()
    {
        var failure = (await FluentActions.Awaiting(() => Client.UpdateAsync("Deals", "D9999", new JsonObject { ["Stage"] = "Lost" }, default))
            .Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.NotFound);
        failure.Message.Should().Contain("the id given seems to be invalid");
    }

    [Fact]
    public async Task OtherApiVersion_IsInThePath()
    {
        var settings = _server.Settings();
        settings["Connectors:Zoho:CrmApiVersion"] = "v6";
        using var host = ConnectorTestHost.Create(settings);

        await host.Connector<IZohoCrmClient>().GetAsync("Deals", "D0001", default);

        _server.Api().Single().Path.Should().Be("/crm/v6/Deals/D0001");
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_WaitsThenSucceeds()
    {
        _server.Fail(FakeZohoFault.TooManyRequests, pathStartsWith: "/crm/", retryAfterSeconds: 1);

        var found = await Client.SearchAsync("Deals", "(Amount:equals:300)", 5, default);

        found.Should().ContainSingle().Which.Id.Should().Be("D0003");
        var attempts = _server.Api().ToList();
        attempts.Should().HaveCount(2);
        (attempts[1].At - attempts[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task TokenRefusedByCrm_OneRefreshThenSuccess()
    {
        _server.Fail(FakeZohoFault.InvalidToken, pathStartsWith: "/crm/");

        (await Client.GetAsync("Deals", "D0010", default))!.Fields["Amount"]!.GetValue<int>().Should().Be(1000);

        _server.TokensIssued.Should().Be(2);
        _server.Api().Should().HaveCount(2);
        int.Parse(_server.Api().Last().Authorization!.Split('.')[^1], CultureInfo.InvariantCulture).Should().Be(2, "the retry carries the second token");
    }
}
