using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Crm.Api.Data;
using Serverless.Crm.Changes;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Crm;

/// <summary>The built-in CRM's REST API through the real embedded host: what a curl user posts is stored with the
/// seed's integer id, its extra columns in fields, and its change event published.</summary>
public sealed class CrmDataApiTests(EmbeddedHostFactory factory) : IClassFixture<EmbeddedHostFactory>
{
    [Fact]
    public async Task PostOrganisation_ThenGetIt_OverHttp()
    {
        var sink = new RecordingSink();
        using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ICrmEventSink>(sink)));
        using var http = host.CreateClient();

        var created = await http.PostAsync("/api/v1/crm/organisations", new StringContent(
            """{"name": "Acme", "pipeline_stage": "PROPOSITION", "montant_potentiel": 80000}""", Encoding.UTF8, "application/json"));
        var body = await created.Content.ReadFromJsonAsync<JsonObject>();
        var read = await http.GetFromJsonAsync<JsonObject>(created.Headers.Location);
        var invalid = await http.PostAsync("/api/v1/crm/deals", new StringContent("""{"title": "T", "amount": "beaucoup"}""", Encoding.UTF8, "application/json"));

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be($"/api/v1/crm/organisations/{body!["id"]}");
        created.Headers.GetValues(CrmDataRoutes.WorkflowsStartedHeader).Should().Equal("1");
        read!["name"]!.GetValue<string>().Should().Be("Acme");
        read["pipeline_stage"]!.GetValue<string>().Should().Be("PROPOSITION");
        read["fields"]!["montant_potentiel"]!.GetValue<int>().Should().Be(80000);
        sink.Events.Should().ContainSingle().Which.Channel.Should().Be("crm.organisation.created");
        (await invalid.ShouldBeProblemAsync(400))["errors"]!["$.amount"].Should().NotBeNull();
    }

    private sealed class RecordingSink : ICrmEventSink
    {
        public List<CrmChangeEvent> Events { get; } = [];

        public Task<CrmDispatchResult> PublishAsync(CrmChangeEvent change, CancellationToken cancellationToken = default)
        {
            Events.Add(change);
            return Task.FromResult(new CrmDispatchResult([$"exec-{Events.Count}"]));
        }
    }
}
