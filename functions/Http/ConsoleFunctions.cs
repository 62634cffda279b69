using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.OpsConsole;

namespace Serverless.Functions.Http;

/// <summary>The operations console's files at /api/console/ (the embedded host serves them at /). Open: the files
/// hold no data; every page reads the API, which asks for the key or the Entra ID token.</summary>
public sealed class ConsoleFunctions
{
    [Function("Console")]
    public Task<IActionResult> Serve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ConsoleEndpoints.FunctionsRoute)] HttpRequest req, string? path,
        [DurableClient] DurableTaskClient durable) =>
        req.RunOpen<ConsoleFileHandler>(durable, h => Task.FromResult(h.Serve(req.HttpContext, path)));
}
