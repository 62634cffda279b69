using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Serverless.Helpdesk.Api;

/// <summary>The helpdesk batch's routes in the embedded host; the Functions app declares the same routes in
/// functions/Http/HelpdeskFunctions.cs over the same <see cref="HelpdeskHandlers"/>. Management key required.</summary>
public static class HelpdeskEndpoints
{
    public const string Status = "v1/helpdesk/status";
    public const string Refresh = "v1/helpdesk/refresh";
    public const string Batches = "v1/helpdesk/batches";
    public const string Batch = "v1/helpdesk/batches/{batchId}";
    public const string Export = "v1/helpdesk/export";

    public static IEndpointRouteBuilder MapHelpdeskApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/" + Status, (HelpdeskHandlers h, CancellationToken ct) => h.StatusAsync(ct)).WithName("HelpdeskStatus").WithTags("Helpdesk");
        endpoints.MapPost("/api/" + Refresh, (HelpdeskHandlers h, CancellationToken ct) => h.RefreshAsync(ct)).WithName("HelpdeskRefresh").WithTags("Helpdesk");
        endpoints.MapPost("/api/" + Batches, (HttpRequest request, HelpdeskHandlers h, CancellationToken ct) => h.StartAsync(request, ct))
            .WithName("HelpdeskStartBatch").WithTags("Helpdesk");
        endpoints.MapGet("/api/" + Batches, (HelpdeskHandlers h, CancellationToken ct) => h.ListAsync(ct)).WithName("HelpdeskListBatches").WithTags("Helpdesk");
        endpoints.MapGet("/api/" + Batch, (string batchId, HttpRequest request, HelpdeskHandlers h, CancellationToken ct) => h.GetAsync(batchId, request, ct))
            .WithName("HelpdeskGetBatch").WithTags("Helpdesk");
        endpoints.MapGet("/api/" + Export, (HelpdeskHandlers h, CancellationToken ct) => h.ExportAsync(ct)).WithName("HelpdeskExport").WithTags("Helpdesk");
        return endpoints;
    }
}
