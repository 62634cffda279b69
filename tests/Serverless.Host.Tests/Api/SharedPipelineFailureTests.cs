using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Api.Http;
using Serverless.Api.Security;
using Serverless.Storage.Errors;

namespace Serverless.Host.Tests.Api;

/// <summary>The Functions triggers call the shared handlers through <see cref="SharedHandlerPipeline"/>: a store the
/// disk refuses answers the same 503 problem there as in the embedded host.</summary>
public sealed class SharedPipelineFailureTests
{
    [Fact]
    public async Task RunOpen_StorageUnavailable_Is503ProblemNamingTheStoreAndReason()
    {
        var context = NewContext();
        var failure = new StorageUnavailableException("blobs", "/data/blobs", new IOException("Read-only file system"));

        var result = await context.RunOpenAsync(() => throw failure);

        var problem = await ExecuteAsync(result, context);
        context.Response.StatusCode.Should().Be(503);
        context.Response.ContentType.Should().StartWith("application/problem+json");
        problem["type"]!.GetValue<string>().Should().Be(StorageProblems.UnavailableType);
        problem["store"]!.GetValue<string>().Should().Be("blobs");
        problem["reason"]!.GetValue<string>().Should().Be("Read-only file system");
    }

    [Fact]
    public async Task RunOpen_SqliteReadOnly_Is503NotA500()
    {
        var context = NewContext();
        var failure = new Microsoft.Data.Sqlite.SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", 8);

        var result = await context.RunOpenAsync(() => throw failure);

        var problem = await ExecuteAsync(result, context);
        context.Response.StatusCode.Should().Be(503);
        problem["store"]!.GetValue<string>().Should().Be("sqlite");
        problem["reason"]!.GetValue<string>().Should().Contain("readonly");
    }

    private static DefaultHttpContext NewContext()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
    }

    private static async Task<JsonObject> ExecuteAsync(IResult result, HttpContext context)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        return JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
    }
}
