using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serverless.Crm.Data;

namespace Serverless.Crm.Api.Data;

/// <summary>The built-in CRM's REST routes in the embedded host; the Functions app declares the same routes in
/// functions/Http/CrmDataFunctions.cs over the same <see cref="CrmDataHandlers"/>.</summary>
public static class CrmDataEndpoints
{
    public static IEndpointRouteBuilder MapCrmDataApi(this IEndpointRouteBuilder endpoints)
    {
        Map<Organisation>(endpoints, CrmDataRoutes.Organisations, CrmDataRoutes.Organisation, "Organisation", "Organisations");
        Map<Deal>(endpoints, CrmDataRoutes.Deals, CrmDataRoutes.Deal, "Deal", "Deals");
        Map<Person>(endpoints, CrmDataRoutes.People, CrmDataRoutes.Person, "Person", "People");
        Map<CrmTask>(endpoints, CrmDataRoutes.Tasks, CrmDataRoutes.Task, "Task", "Tasks");
        Map<User>(endpoints, CrmDataRoutes.Users, CrmDataRoutes.User, "User", "Users");
        Map<CrmActivityRecord>(endpoints, CrmDataRoutes.Activities, CrmDataRoutes.Activity, "Activity", "Activities");
        return endpoints;
    }

    /// <summary>The six routes of one type, named ListCrmDeals, CreateCrmDeal, GetCrmDeal, UpdateCrmDeal,
    /// ReplaceCrmDeal, DeleteCrmDeal (the Functions app's function names).</summary>
    private static void Map<T>(IEndpointRouteBuilder endpoints, string collection, string item, string one, string many)
        where T : CrmEntity
    {
        endpoints.MapGet("/api/" + collection, (HttpRequest request, CrmDataHandlers h, CancellationToken ct) => h.ListAsync<T>(request, ct))
            .WithName($"ListCrm{many}").WithTags("CRM");
        endpoints.MapPost("/api/" + collection, (HttpRequest request, CrmDataHandlers h, CancellationToken ct) => h.CreateAsync<T>(request, ct))
            .WithName($"CreateCrm{one}").WithTags("CRM");
        endpoints.MapGet("/api/" + item, (string id, CrmDataHandlers h, CancellationToken ct) => h.GetAsync<T>(id, ct))
            .WithName($"GetCrm{one}").WithTags("CRM");
        endpoints.MapPatch("/api/" + item, (string id, HttpRequest request, CrmDataHandlers h, CancellationToken ct) => h.PatchAsync<T>(id, request, ct))
            .WithName($"UpdateCrm{one}").WithTags("CRM");
        endpoints.MapPut("/api/" + item, (string id, HttpRequest request, CrmDataHandlers h, CancellationToken ct) => h.ReplaceAsync<T>(id, request, ct))
            .WithName($"ReplaceCrm{one}").WithTags("CRM");
        endpoints.MapDelete("/api/" + item, (string id, CrmDataHandlers h, CancellationToken ct) => h.DeleteAsync<T>(id, ct))
            .WithName($"DeleteCrm{one}").WithTags("CRM");
    }
}
