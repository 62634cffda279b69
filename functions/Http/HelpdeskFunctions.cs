using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Helpdesk.Api;

namespace Serverless.Functions.Http;

/// <summary>The helpdesk batch's routes (MapHelpdeskApi in the embedded host), management key required.</summary>
public sealed class HelpdeskFunctions
{
    [Function("HelpdeskStatus")]
    public Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HelpdeskEndpoints.Status)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<HelpdeskHandlers>(durable, h => h.StatusAsync(ct));

    [Function("HelpdeskRefresh")]
    public Task<IActionResult> Refresh(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HelpdeskEndpoints.Refresh)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<HelpdeskHandlers>(durable, h => h.RefreshAsync(ct));

    [Function("HelpdeskStartBatch")]
    public Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HelpdeskEndpoints.Batches)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<HelpdeskHandlers>(durable, h => h.StartAsync(req, ct));

    [Function("HelpdeskListBatches")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HelpdeskEndpoints.Batches)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<HelpdeskHandlers>(durable, h => h.ListAsync(ct));

    [Function("HelpdeskGetBatch")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HelpdeskEndpoints.Batch)] HttpRequest req, string batchId,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<HelpdeskHandlers>(durable, h => h.GetAsync(batchId, req, ct));

    [Function("HelpdeskExport")]
    public Task<IActionResult> Export(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HelpdeskEndpoints.Export)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<HelpdeskHandlers>(durable, h => h.ExportAsync(ct));
}
