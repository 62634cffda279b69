using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serverless.Api.DeadLetters;
using Serverless.Api.Health;
using Serverless.Api.Instances;
using Serverless.Api.Security;
using Serverless.Api.Stats;
using Serverless.Api.Workflows;
using Serverless.Runtime.Abstractions;

namespace Serverless.Api;

public static class WorkflowApiEndpoints
{
    /// <summary>Maps every /api route to its handler, plus the OpenAPI document at /api/openapi.json. Every route
    /// but health, the sign-in configuration (/api/auth/config) and the OpenAPI document requires a management API key (<see cref="ManagementAuth"/>).</summary>
    public static IEndpointRouteBuilder MapWorkflowApi(this IEndpointRouteBuilder endpoints)
    {
        var root = endpoints.MapGroup(ApiRoutes.Prefix);

        root.MapGet(ApiRoutes.Health, (HealthHandler h, CancellationToken ct) => h.GetAsync(ct))
            .WithName("GetHealth").WithTags("Health")
            .Produces<HealthResponse>().Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        root.MapGet(ApiRoutes.AuthConfig, (HttpContext context, AuthConfigHandler h) => h.Get(context))
            .WithName("GetAuthConfig").WithTags("Auth").Produces<AuthConfigResponse>();

        // Everything below is the management API: one group, so a route added to it cannot forget the key.
        var api = root.MapGroup("").RequireManagementKey()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        var workflows = api.MapGroup("").WithTags("Workflows");
        workflows.MapGet(ApiRoutes.Workflows, (WorkflowHandlers h) => h.List())
            .WithName("ListWorkflows").Produces<WorkflowList>();
        workflows.MapGet(ApiRoutes.Workflow, (HttpRequest req, string workflowId, WorkflowHandlers h) => h.Get(req, workflowId))
            .WithName("GetWorkflow").Produces<WorkflowDetail>().ProducesProblem(StatusCodes.Status404NotFound)
            .AddQueryParameters(("version", "Definition version to show (default: latest).", "integer"));
        workflows.MapPost(ApiRoutes.WorkflowInstances,
                (HttpRequest req, string workflowId, StartInstanceHandler h, CancellationToken ct) => h.StartAsync(req, workflowId, ct))
            .WithName("StartInstance").Accepts<JsonNode>(isOptional: true, "application/json")
            .Produces<StartInstanceResponse>(StatusCodes.Status202Accepted).Produces<StartInstanceResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddQueryParameters(
                ("instanceId", "Instance id to use; an existing instance with this id is returned (200) instead of starting another.", "string"),
                ("dryRun", "true runs every connector in sandbox mode: the writes are recorded, not made.", "boolean"),
                ("version", "Definition version to run (default: latest).", "integer"));

        var instances = api.MapGroup("").WithTags("Instances");
        instances.MapGet(ApiRoutes.Instances, (HttpRequest req, InstanceListHandler h, CancellationToken ct) => h.ListAsync(req, ct))
            .WithName("ListInstances").Produces<InstanceList>().ProducesValidationProblem()
            .AddQueryParameters(
                ("workflowId", "Only instances of this workflow.", "string"),
                ("status", "Pending, Running, Waiting, Completed, Failed or Terminated.", "string"),
                ("dryRun", "true: only dry runs; false: only real runs; absent: both.", "boolean"),
                ("createdFrom", "Created at or after (ISO 8601).", "string"),
                ("createdTo", "Created at or before (ISO 8601).", "string"),
                ("limit", "Page size.", "integer"),
                ("continuationToken", "From the previous page.", "string"));
        instances.MapGet(ApiRoutes.Instance, (string instanceId, InstanceHandlers h, CancellationToken ct) => h.GetAsync(instanceId, ct))
            .WithName("GetInstance").Produces<InstanceView>().ProducesProblem(StatusCodes.Status404NotFound);
        instances.MapPost(ApiRoutes.InstanceEvent,
                (HttpRequest req, string instanceId, string eventName, InstanceHandlers h, CancellationToken ct) => h.RaiseEventAsync(req, instanceId, eventName, ct))
            .WithName("RaiseEvent").Accepts<JsonNode>(isOptional: true, "application/json")
            .Produces<InstanceActionResponse>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        instances.MapPost(ApiRoutes.InstanceTerminate,
                (HttpRequest req, string instanceId, InstanceHandlers h, CancellationToken ct) => h.TerminateAsync(req, instanceId, ct))
            .WithName("TerminateInstance").Produces<InstanceActionResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .AddQueryParameters(("reason", "Why (also accepted as a JSON body {\"reason\": \"...\"}).", "string"));
        instances.MapPost(ApiRoutes.InstanceReplay, (string instanceId, InstanceHandlers h, CancellationToken ct) => h.ReplayAsync(instanceId, ct))
            .WithName("ReplayInstance").Produces<InstanceActionResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        instances.MapDelete(ApiRoutes.Instance, (string instanceId, InstanceHandlers h, CancellationToken ct) => h.PurgeAsync(instanceId, ct))
            .WithName("PurgeInstance").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var deadLetters = api.MapGroup("").WithTags("DeadLetters");
        deadLetters.MapGet(ApiRoutes.DeadLetters, (HttpRequest req, DeadLetterHandler h, CancellationToken ct) => h.ListAsync(req, ct))
            .WithName("ListDeadLetters").Produces<DeadLetterPage>().ProducesValidationProblem()
            .AddQueryParameters(
                ("workflowId", "Only dead letters of this workflow.", "string"),
                ("limit", "Page size.", "integer"),
                ("continuationToken", "From the previous page.", "string"));
        deadLetters.MapPost(ApiRoutes.DeadMessageReplay, (string messageId, DeadMessageReplayHandler h, CancellationToken ct) => h.ReplayAsync(messageId, ct))
            .WithName("ReplayDeadMessage").Produces<DeadMessageReplayResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet(ApiRoutes.Stats, (HttpRequest req, StatsHandler h, CancellationToken ct) => h.GetAsync(req, ct))
            .WithName("GetStats").WithTags("Stats").Produces<InstanceStatistics>().ProducesValidationProblem()
            .AddQueryParameters(
                ("workflowId", "Only instances of this workflow.", "string"),
                ("from", "Created at or after (ISO 8601); default: the start of the 7th day (48th hour) back.", "string"),
                ("to", "Created before (ISO 8601); default: now.", "string"),
                ("bucket", "hour or day (default day): the size of the series' buckets, at most 400 of them.", "string"));

        endpoints.MapOpenApi(ApiRoutes.OpenApiDocument);
        return endpoints;
    }
}
