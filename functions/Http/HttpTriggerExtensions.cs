using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Functions.Durable;

namespace Serverless.Functions.Http;

internal static class HttpTriggerExtensions
{
    /// <summary>The whole body of an HTTP trigger: hands the bound Durable client to <see cref="DurableWorkflowClient"/>,
    /// calls the shared Serverless.Api handler and writes its result.</summary>
    public static async Task<IActionResult> Run<THandler>(this HttpRequest request, DurableTaskClient durable, Func<THandler, Task<IResult>> call)
        where THandler : notnull
    {
        var services = request.HttpContext.RequestServices;
        services.GetRequiredService<DurableClientHolder>().Use(durable);
        return new ResultActionResult(await call(services.GetRequiredService<THandler>()));
    }

    public static Task<IActionResult> Run<THandler>(this HttpRequest request, DurableTaskClient durable, Func<THandler, IResult> call)
        where THandler : notnull =>
        request.Run<THandler>(durable, handler => Task.FromResult(call(handler)));
}
