using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Api.Security;
using Serverless.Functions.Durable;

namespace Serverless.Functions.Http;

/// <summary>The whole body of an HTTP trigger: hand the bound Durable client to <see cref="DurableWorkflowClient"/>,
/// call the shared handler and write its result. <see cref="Run{THandler}(HttpRequest, DurableTaskClient, Func{THandler, Task{IResult}})"/>
/// requires the management key first (as RequireManagementKey does in the embedded host); <c>RunOpen</c> is the
/// explicit exception for routes that authenticate themselves (health, signed links, Slack, intake).</summary>
internal static class HttpTriggerExtensions
{
    public static Task<IActionResult> Run<THandler>(this HttpRequest request, DurableTaskClient durable, Func<THandler, Task<IResult>> call)
        where THandler : notnull =>
        Invoke(request, durable, call, (context, handler) => context.RunManagementAsync(handler));

    public static Task<IActionResult> Run<THandler>(this HttpRequest request, DurableTaskClient durable, Func<THandler, IResult> call)
        where THandler : notnull =>
        request.Run<THandler>(durable, handler => Task.FromResult(call(handler)));

    public static Task<IActionResult> RunOpen<THandler>(this HttpRequest request, DurableTaskClient durable, Func<THandler, Task<IResult>> call)
        where THandler : notnull =>
        Invoke(request, durable, call, (context, handler) => context.RunOpenAsync(handler));

    public static Task<IActionResult> RunOpen<THandler>(this HttpRequest request, DurableTaskClient durable, Func<THandler, IResult> call)
        where THandler : notnull =>
        request.RunOpen<THandler>(durable, handler => Task.FromResult(call(handler)));

    private static async Task<IActionResult> Invoke<THandler>(
        HttpRequest request, DurableTaskClient durable, Func<THandler, Task<IResult>> call, Func<HttpContext, Func<Task<IResult>>, Task<IResult>> pipeline)
        where THandler : notnull
    {
        var services = request.HttpContext.RequestServices;
        services.GetRequiredService<DurableClientHolder>().Use(durable);
        return new ResultActionResult(await pipeline(request.HttpContext, () => call(services.GetRequiredService<THandler>())));
    }
}
