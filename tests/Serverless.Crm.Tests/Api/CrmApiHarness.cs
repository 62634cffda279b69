using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Api;
using Serverless.Crm.Api.Data;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Crm.Tests.Data;

namespace Serverless.Crm.Tests.Api;

/// <summary>What a handler answered, executed as an HTTP response.</summary>
public sealed record CrmResponse(int Status, JsonNode? Body, IHeaderDictionary Headers)
{
    public JsonObject Json => Body!.AsObject();

    /// <summary>The problem's errors as path -> messages.</summary>
    public Dictionary<string, string> Errors =>
        Json["errors"]!.AsObject().ToDictionary(e => e.Key, e => string.Join(" | ", e.Value!.AsArray().Select(m => m!.GetValue<string>())));
}

/// <summary>Records the change events CrmChanges publishes; each one "starts" one execution.</summary>
public sealed class RecordingSink : ICrmEventSink
{
    public List<CrmChangeEvent> Events { get; } = [];

    public Task<CrmDispatchResult> PublishAsync(CrmChangeEvent change, CancellationToken cancellationToken = default)
    {
        Events.Add(change);
        return Task.FromResult(new CrmDispatchResult([$"exec-{Events.Count}"]));
    }
}

/// <summary>CrmDataHandlers over the real SQLite document store (CrmFixture), called as the routes call them.</summary>
public sealed class CrmApiHarness : IDisposable
{
    private readonly CrmFixture crm = new();
    private readonly ServiceProvider services = new ServiceCollection().AddLogging().BuildServiceProvider();

    public CrmApiHarness() =>
        Handlers = new CrmDataHandlers(new CrmChanges(crm.Store, Sink, crm.Clock), crm.Clock, Options.Create(new ApiOptions()));

    public CrmDataHandlers Handlers { get; }

    public RecordingSink Sink { get; } = new();

    public ICrmStore Store => crm.Store;

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => crm.Clock;

    public Task<CrmResponse> PostAsync<T>(string body)
        where T : CrmEntity => SendAsync(body, null, (h, r) => h.CreateAsync<T>(r, default));

    public Task<CrmResponse> GetAsync<T>(string id)
        where T : CrmEntity => SendAsync(null, null, (h, _) => h.GetAsync<T>(id, default));

    public Task<CrmResponse> ListAsync<T>(string query = "")
        where T : CrmEntity => SendAsync(null, query, (h, r) => h.ListAsync<T>(r, default));

    public Task<CrmResponse> PatchAsync<T>(string id, string body)
        where T : CrmEntity => SendAsync(body, null, (h, r) => h.PatchAsync<T>(id, r, default));

    public Task<CrmResponse> PutAsync<T>(string id, string body)
        where T : CrmEntity => SendAsync(body, null, (h, r) => h.ReplaceAsync<T>(id, r, default));

    public Task<CrmResponse> DeleteAsync<T>(string id)
        where T : CrmEntity => SendAsync(null, null, (h, _) => h.DeleteAsync<T>(id, default));

    /// <summary>Creates and returns the new record's id (fails the test unless 201).</summary>
    public async Task<string> CreateAsync<T>(string body)
        where T : CrmEntity
    {
        var response = await PostAsync<T>(body);
        response.Status.Should().Be(201, response.Body?.ToJsonString());
        return response.Json["id"]!.GetValue<string>();
    }

    private async Task<CrmResponse> SendAsync(string? body, string? query, Func<CrmDataHandlers, HttpRequest, Task<IResult>> call)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Path = "/api/v1/crm/test";
        http.Request.QueryString = new QueryString(string.IsNullOrEmpty(query) ? "" : "?" + query);
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
            http.Request.ContentType = "application/json";
        }

        http.Response.Body = new MemoryStream();
        var result = await call(Handlers, http.Request);
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        var text = await new StreamReader(http.Response.Body).ReadToEndAsync();
        return new CrmResponse(http.Response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), http.Response.Headers);
    }

    public void Dispose()
    {
        services.Dispose();
        crm.Dispose();
    }
}
