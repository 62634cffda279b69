using Microsoft.Extensions.DependencyInjection;
using Serverless.Host.Tests.Stats;
using Serverless.Host.Tests.Support;
using Serverless.Runtime.Store;

namespace Serverless.Host.Tests.Api;

/// <summary>GET /api/instances filters and failure facts through the embedded host and its SQLite runtime.</summary>
public sealed class InstanceFiltersTests(EmbeddedHostFactory factory) : IClassFixture<EmbeddedHostFactory>
{
    private readonly HttpClient http = factory.CreateClient();

    [Theory]
    [InlineData("dryRun=true", "filters-g1 filters-h2")]
    [InlineData("dryRun=false", "filters-late filters-h3 filters-h1")]
    [InlineData("dryRun=true&status=Failed", "filters-h2")]
    [InlineData("dryRun=false&createdFrom=2026-03-01T08:30:00Z&createdTo=2026-03-02T23:00:00Z", "filters-h3")]
    [InlineData("", "filters-late filters-g1 filters-h3 filters-h2 filters-h1")]
    public async Task ListInstances_Filters_ReturnTheMatchingRowsNewestFirst(string query, string expected)
    {
        Seed();

        var body = await (await http.GetAsync($"/api/instances?limit=1000&{query}")).ReadJsonAsync();

        body["items"]!.AsArray().Select(i => i!["instanceId"]!.GetValue<string>()).Where(id => id.StartsWith("filters-", StringComparison.Ordinal))
            .Should().Equal(expected.Split(' '));
    }

    [Fact]
    public async Task ListInstances_FailedInstance_CarriesFailedStepAndError_OthersNull()
    {
        Seed();

        var body = await (await http.GetAsync("/api/instances?workflowId=filters-hello&limit=1000")).ReadJsonAsync();

        var items = body["items"]!.AsArray().ToDictionary(i => i!["instanceId"]!.GetValue<string>());
        items["filters-h2"]!["failedStep"]!.GetValue<string>().Should().Be("send");
        items["filters-h2"]!["error"]!.ToJsonString().Should().Be("""{"kind":"Permanent","message":"The mail server refused."}""");
        items["filters-h1"]!["failedStep"].Should().BeNull();
        items["filters-h1"]!["error"].Should().BeNull();
    }

    private void Seed()
    {
        var database = factory.Services.GetRequiredService<RuntimeDatabase>();
        using var connection = database.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM instances WHERE id LIKE 'filters-%'";
        if ((long)check.ExecuteScalar()! == 0)
        {
            StatsInstances.Insert(database, "filters");
        }
    }
}
