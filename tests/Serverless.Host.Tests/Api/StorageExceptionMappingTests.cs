using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Serverless.Api;
using Serverless.Api.Security;
using Serverless.Host.Tests.Support;
using Serverless.Storage.Errors;

namespace Serverless.Host.Tests.Api;

/// <summary>Typed storage errors thrown under a real handler reach HTTP as problems through the host's
/// UseProblemResponses (and, for the Functions adapter, through <see cref="SharedHandlerPipeline"/>).</summary>
public sealed class StorageExceptionMappingTests
{
    private static async Task<HttpResponseMessage> GetInstanceThrowingAsync(Exception exception, string? ifMatch = null)
    {
        var server = await SecuredApiTestServer.StartAsync(remoteIp: IPAddress.Loopback);
        server.Client.Setup(c => c.GetAsync("i-1", It.IsAny<CancellationToken>())).ThrowsAsync(exception);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instances/i-1");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await server.Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        await server.DisposeAsync();
        return response;
    }

    [Fact]
    public async Task NotFound_Is404NamingCollectionAndId()
    {
        var problem = await (await GetInstanceThrowingAsync(new ItemNotFoundException("instances", "i-1"))).ShouldBeProblemAsync(404);

        problem["collection"]!.GetValue<string>().Should().Be("instances");
        problem["id"]!.GetValue<string>().Should().Be("i-1");
        problem["instance"]!.GetValue<string>().Should().Be("/api/instances/i-1");
    }

    [Fact]
    public async Task AlreadyExists_Is409()
    {
        var problem = await (await GetInstanceThrowingAsync(new ItemAlreadyExistsException("requests", "r-9"))).ShouldBeProblemAsync(409);

        problem["collection"]!.GetValue<string>().Should().Be("requests");
        problem["id"]!.GetValue<string>().Should().Be("r-9");
    }

    [Fact]
    public async Task ETagMismatch_WithIfMatch_Is412()
    {
        var problem = await (await GetInstanceThrowingAsync(new ETagMismatchException("tickets", "pk-1", "t-3", "\"e1\""), ifMatch: "\"e1\""))
            .ShouldBeProblemAsync(412);

        problem["title"]!.GetValue<string>().Should().Contain("If-Match");
        problem["collection"]!.GetValue<string>().Should().Be("tickets");
        problem["id"]!.GetValue<string>().Should().Be("t-3");
        problem["partitionKey"]!.GetValue<string>().Should().Be("pk-1");
    }

    [Fact]
    public async Task ETagMismatch_OfTheServersOwnReadModifyWrite_Is409()
    {
        var problem = await (await GetInstanceThrowingAsync(new ETagMismatchException("tickets", "pk-1", "t-3", "\"e1\""))).ShouldBeProblemAsync(409);

        problem["id"]!.GetValue<string>().Should().Be("t-3");
    }

    [Fact]
    public async Task TooLarge_Is413WithSizeAndLimit()
    {
        var problem = await (await GetInstanceThrowingAsync(new PayloadTooLargeException("attachments", "a.pdf", 5_000_000, 4_194_304)))
            .ShouldBeProblemAsync(413);

        problem["collection"]!.GetValue<string>().Should().Be("attachments");
        problem["id"]!.GetValue<string>().Should().Be("a.pdf");
        problem["sizeBytes"]!.GetValue<long>().Should().Be(5_000_000);
        problem["limitBytes"]!.GetValue<long>().Should().Be(4_194_304);
    }

    [Fact]
    public async Task OtherStorageError_Stays500()
    {
        var response = await GetInstanceThrowingAsync(new StorageException("disk on fire"));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("disk on fire");
    }

    [Fact]
    public async Task FunctionsAdapter_RunOpen_MapsTheSameWay_AndRunManagement_ChecksTheKeyFirst()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Api:ApiKeys:0"] = "test-management-key-0123456789",
            }).Build())
            .AddLogging()
            .AddWorkflowApi()
            .BuildServiceProvider();

        var open = await RunAsync(services, http => http.RunOpenAsync(() => throw new ItemNotFoundException("instances", "i-7")));
        open.Status.Should().Be(404);
        open.Body.Should().Contain("\"collection\":\"instances\"").And.Contain("\"id\":\"i-7\"");

        var called = false;
        var refused = await RunAsync(services, http => http.RunManagementAsync(() =>
        {
            called = true;
            return Task.FromResult(Results.Ok());
        }));
        refused.Status.Should().Be(401);
        called.Should().BeFalse();

        var allowed = await RunAsync(services, http => http.RunManagementAsync(() => Task.FromResult(Results.Ok())), "test-management-key-0123456789");
        allowed.Status.Should().Be(200);

        var other = () => RunAsync(services, http => http.RunOpenAsync(() => throw new InvalidOperationException("boom")));
        await other.Should().ThrowAsync<InvalidOperationException>();
    }

    private static async Task<(int Status, string Body)> RunAsync(IServiceProvider services, Func<HttpContext, Task<IResult>> run, string? key = null)
    {
        using var scope = services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Path = "/api/instances/i-7";
        http.Response.Body = new MemoryStream();
        if (key is not null)
        {
            http.Request.Headers["X-API-Key"] = key;
        }

        var result = await run(http);
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }
}
