using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Crm.Api.Data;
using Serverless.Crm.Data;

namespace Serverless.Functions.Http;

/// <summary>The built-in CRM's REST CRUD (CrmDataEndpoints in the embedded host), management key required.</summary>
public sealed class CrmDataFunctions
{
    [Function("ListCrmOrganisations")]
    public Task<IActionResult> ListOrganisations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmDataRoutes.Organisations)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.ListAsync<Organisation>(req, ct));

    [Function("CreateCrmOrganisation")]
    public Task<IActionResult> CreateOrganisation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmDataRoutes.Organisations)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.CreateAsync<Organisation>(req, ct));

    [Function("GetCrmOrganisation")]
    public Task<IActionResult> GetOrganisation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmDataRoutes.Organisation)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.GetAsync<Organisation>(id, ct));

    [Function("UpdateCrmOrganisation")]
    public Task<IActionResult> UpdateOrganisation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = CrmDataRoutes.Organisation)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.PatchAsync<Organisation>(id, req, ct));

    [Function("ReplaceCrmOrganisation")]
    public Task<IActionResult> ReplaceOrganisation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = CrmDataRoutes.Organisation)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.ReplaceAsync<Organisation>(id, req, ct));

    [Function("DeleteCrmOrganisation")]
    public Task<IActionResult> DeleteOrganisation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = CrmDataRoutes.Organisation)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.DeleteAsync<Organisation>(id, ct));

    [Function("ListCrmDeals")]
    public Task<IActionResult> ListDeals(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmDataRoutes.Deals)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.ListAsync<Deal>(req, ct));

    [Function("CreateCrmDeal")]
    public Task<IActionResult> CreateDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmDataRoutes.Deals)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.CreateAsync<Deal>(req, ct));

    [Function("GetCrmDeal")]
    public Task<IActionResult> GetDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmDataRoutes.Deal)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.GetAsync<Deal>(id, ct));

    [Function("UpdateCrmDeal")]
    public Task<IActionResult> UpdateDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = CrmDataRoutes.Deal)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.PatchAsync<Deal>(id, req, ct));

    [Function("ReplaceCrmDeal")]
    public Task<IActionResult> ReplaceDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = CrmDataRoutes.Deal)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.ReplaceAsync<Deal>(id, req, ct));

    [Function("DeleteCrmDeal")]
    public Task<IActionResult> DeleteDeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = CrmDataRoutes.Deal)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.DeleteAsync<Deal>(id, ct));

    [Function("ListCrmPeople")]
    public Task<IActionResult> ListPeople(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmDataRoutes.People)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.ListAsync<Person>(req, ct));

    [Function("CreateCrmPerson")]
    public Task<IActionResult> CreatePerson(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmDataRoutes.People)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.CreateAsync<Person>(req, ct));

    [Function("GetCrmPerson")]
    public Task<IActionResult> GetPerson(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmDataRoutes.Person)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.GetAsync<Person>(id, ct));

    [Function("UpdateCrmPerson")]
    public Task<IActionResult> UpdatePerson(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = CrmDataRoutes.Person)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.PatchAsync<Person>(id, req, ct));

    [Function("ReplaceCrmPerson")]
    public Task<IActionResult> ReplacePerson(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = CrmDataRoutes.Person)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.ReplaceAsync<Person>(id, req, ct));

    [Function("DeleteCrmPerson")]
    public Task<IActionResult> DeletePerson(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = CrmDataRoutes.Person)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.DeleteAsync<Person>(id, ct));

    [Function("ListCrmTasks")]
    public Task<IActionResult> ListTasks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmDataRoutes.Tasks)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.ListAsync<CrmTask>(req, ct));

    [Function("CreateCrmTask")]
    public Task<IActionResult> CreateTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmDataRoutes.Tasks)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.CreateAsync<CrmTask>(req, ct));

    [Function("GetCrmTask")]
    public Task<IActionResult> GetTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmDataRoutes.Task)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.GetAsync<CrmTask>(id, ct));

    [Function("UpdateCrmTask")]
    public Task<IActionResult> UpdateTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = CrmDataRoutes.Task)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.PatchAsync<CrmTask>(id, req, ct));

    [Function("ReplaceCrmTask")]
    public Task<IActionResult> ReplaceTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = CrmDataRoutes.Task)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.ReplaceAsync<CrmTask>(id, req, ct));

    [Function("DeleteCrmTask")]
    public Task<IActionResult> DeleteTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = CrmDataRoutes.Task)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.DeleteAsync<CrmTask>(id, ct));

    [Function("ListCrmUsers")]
    public Task<IActionResult> ListUsers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmDataRoutes.Users)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.ListAsync<User>(req, ct));

    [Function("CreateCrmUser")]
    public Task<IActionResult> CreateUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmDataRoutes.Users)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.CreateAsync<User>(req, ct));

    [Function("GetCrmUser")]
    public Task<IActionResult> GetUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmDataRoutes.User)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.GetAsync<User>(id, ct));

    [Function("UpdateCrmUser")]
    public Task<IActionResult> UpdateUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = CrmDataRoutes.User)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.PatchAsync<User>(id, req, ct));

    [Function("ReplaceCrmUser")]
    public Task<IActionResult> ReplaceUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = CrmDataRoutes.User)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.ReplaceAsync<User>(id, req, ct));

    [Function("DeleteCrmUser")]
    public Task<IActionResult> DeleteUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = CrmDataRoutes.User)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.DeleteAsync<User>(id, ct));

    [Function("ListCrmActivities")]
    public Task<IActionResult> ListActivities(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmDataRoutes.Activities)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.ListAsync<CrmActivityRecord>(req, ct));

    [Function("CreateCrmActivity")]
    public Task<IActionResult> CreateActivity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmDataRoutes.Activities)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.CreateAsync<CrmActivityRecord>(req, ct));

    [Function("GetCrmActivity")]
    public Task<IActionResult> GetActivity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmDataRoutes.Activity)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.GetAsync<CrmActivityRecord>(id, ct));

    [Function("UpdateCrmActivity")]
    public Task<IActionResult> UpdateActivity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = CrmDataRoutes.Activity)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.PatchAsync<CrmActivityRecord>(id, req, ct));

    [Function("ReplaceCrmActivity")]
    public Task<IActionResult> ReplaceActivity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = CrmDataRoutes.Activity)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.ReplaceAsync<CrmActivityRecord>(id, req, ct));

    [Function("DeleteCrmActivity")]
    public Task<IActionResult> DeleteActivity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = CrmDataRoutes.Activity)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmDataHandlers>(durable, h => h.DeleteAsync<CrmActivityRecord>(id, ct));
}
