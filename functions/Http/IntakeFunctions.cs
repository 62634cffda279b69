using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Intake;
using Serverless.Intake.Intake;

namespace Serverless.Functions.Http;

/// <summary>The request handler's routes of MapIntakeApi (seed 000). Anonymous: the handler checks the API key and
/// the optional HMAC signature itself; file links carry their own signature.</summary>
public sealed class IntakeFunctions
{
    [Function("SubmitIntakeRequest")]
    public Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IntakeRoutes.RequestsRoute)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.RunOpen<IntakeApi>(durable, api => api.SubmitAsync(req.HttpContext, ct));

    [Function("DownloadIntakeFile")]
    public Task<IActionResult> Download(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IntakeRoutes.FilesRoute)] HttpRequest req,
        string path, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.RunOpen<IntakeApi>(durable, api => api.DownloadAsync(path, req.Query["expires"], req.Query["sig"], ct));
}
