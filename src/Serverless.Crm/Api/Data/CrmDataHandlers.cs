using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Api;
using Serverless.Api.Http;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Storage.Errors;

namespace Serverless.Crm.Api.Data;

/// <summary>
/// The built-in CRM's REST CRUD (/api/v1/crm/organisations, deals, people, tasks, users, activities), shared by both
/// hosts (<see cref="CrmDataEndpoints"/> in the embedded host, CrmDataFunctions in the Functions app). Bodies are the
/// records' snake_case JSON; ids are the numbers 1, 2, 3... of the type's sequence. Organisations and deals are
/// written through <see cref="CrmChanges"/>, so their writes publish the change events the workflows start on, and
/// the response says in <see cref="CrmDataRoutes.WorkflowsStartedHeader"/> how many executions that started.
/// </summary>
public sealed class CrmDataHandlers(CrmChanges changes, TimeProvider time, IOptions<ApiOptions> api)
{
    /// <summary>How many taken ids a creation skips (records imported with numeric ids) before giving up.</summary>
    private const int CreateAttempts = 16;

    private ICrmStore Store => changes.Store;

    /// <summary>GET: {"items": [...], "total": n, "skip": s, "limit": l}, oldest first, filtered by the resource's
    /// query parameters.</summary>
    public async Task<IResult> ListAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : CrmEntity
    {
        ArgumentNullException.ThrowIfNull(request);
        var resource = CrmResources.Of<T>();
        var problems = new CrmProblems();
        var query = CrmListQuery.Read(resource, request.Query, problems);
        if (problems.Count > 0)
        {
            return ApiProblems.Invalid(problems.ToDictionary(), request.Path);
        }

        // One id filter is asked of the store (exact match; ids are digits, so case cannot differ); the rest is read here.
        var pushed = query.Filters.FirstOrDefault(f => f.Filter.Parameter.EndsWith("_id", StringComparison.Ordinal) && !f.Filter.Path.Contains('.', StringComparison.Ordinal));
        var records = await Store.ListAsync<T>(pushed.Filter?.Path, pushed.Value, cancellationToken);
        var matching = records.Select(r => DocumentCrmStore.ToJson(r)).Where(query.Matches).ToList();
        return Results.Ok(new JsonObject
        {
            ["items"] = new JsonArray([.. matching.Skip(query.Skip).Take(query.Limit)]),
            ["total"] = matching.Count,
            ["skip"] = query.Skip,
            ["limit"] = query.Limit,
        });
    }

    /// <summary>GET one: the record, or 404 naming the type and id.</summary>
    public async Task<IResult> GetAsync<T>(string id, CancellationToken cancellationToken)
        where T : CrmEntity =>
        await Store.GetAsync<T>(id, cancellationToken) is { } record
            ? Results.Ok(DocumentCrmStore.ToJson(record))
            : NotFound(CrmResources.Of<T>(), id);

    /// <summary>POST: 201 with the record and its Location; the id is the next number of the type's sequence.</summary>
    public async Task<IResult> CreateAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : CrmEntity
    {
        ArgumentNullException.ThrowIfNull(request);
        var resource = CrmResources.Of<T>();
        var (input, problem) = await ReadAsync(resource, request, CrmWriteMode.Create, null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        for (var attempt = 1; ; attempt++)
        {
            var id = (await Store.NextNumberAsync(resource.Sequence, cancellationToken)).ToString(CultureInfo.InvariantCulture);
            var record = DocumentCrmStore.FromJson<T>(input!.Apply(new JsonObject { ["id"] = id }, time.GetUtcNow()));
            try
            {
                var created = resource.PublishesChanges
                    ? Published(request, await changes.CreateAsync(record, cancellationToken: cancellationToken)).After
                    : await Store.CreateAsync(record, cancellationToken);
                return Results.Created(resource.Location(id), DocumentCrmStore.ToJson(created));
            }
            catch (ItemAlreadyExistsException) when (attempt < CreateAttempts)
            {
                // A record imported with this number as its id: take the next one.
            }
        }
    }

    /// <summary>PATCH: only the given properties change; null clears an optional one.</summary>
    public Task<IResult> PatchAsync<T>(string id, HttpRequest request, CancellationToken cancellationToken)
        where T : CrmEntity => UpdateAsync<T>(id, request, CrmWriteMode.Patch, cancellationToken);

    /// <summary>PUT: every editable property replaced (a missing optional one is cleared).</summary>
    public Task<IResult> ReplaceAsync<T>(string id, HttpRequest request, CancellationToken cancellationToken)
        where T : CrmEntity => UpdateAsync<T>(id, request, CrmWriteMode.Replace, cancellationToken);

    /// <summary>DELETE: 204, or 404 when there is no such record. References to it are left as they are.</summary>
    public async Task<IResult> DeleteAsync<T>(string id, CancellationToken cancellationToken)
        where T : CrmEntity =>
        await Store.DeleteAsync<T>(id, cancellationToken) ? Results.NoContent() : NotFound(CrmResources.Of<T>(), id);

    private async Task<IResult> UpdateAsync<T>(string id, HttpRequest request, CrmWriteMode mode, CancellationToken cancellationToken)
        where T : CrmEntity
    {
        ArgumentNullException.ThrowIfNull(request);
        var resource = CrmResources.Of<T>();
        if (await Store.GetAsync<T>(id, cancellationToken) is null)
        {
            return NotFound(resource, id);
        }

        var (input, problem) = await ReadAsync(resource, request, mode, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        T Change(T current) => DocumentCrmStore.FromJson<T>(input!.Apply(DocumentCrmStore.ToJson(current), time.GetUtcNow()));
        T? after;
        if (resource.PublishesChanges)
        {
            after = await changes.UpdateAsync<T>(id, Change, cancellationToken: cancellationToken) is { } write ? Published(request, write).After : null;
        }
        else
        {
            after = (await Store.UpdateAsync<T>(id, Change, cancellationToken))?.After;
        }

        return after is null ? NotFound(resource, id) : Results.Ok(DocumentCrmStore.ToJson(after));
    }

    private async Task<(CrmInput? Input, IResult? Problem)> ReadAsync(CrmResource resource, HttpRequest request, CrmWriteMode mode, string? id, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, api.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (body is not JsonObject json)
        {
            return (null, ApiProblems.Invalid("$", $"The body must be a JSON object: a {resource.Name}'s properties.", request.Path));
        }

        var input = CrmInput.Read(resource, json, mode);
        await CrmReferenceChecks.CheckAsync(Store, input, id, cancellationToken);
        return input.Problems.Count > 0 ? (null, ApiProblems.Invalid(input.Problems.ToDictionary(), request.Path)) : (input, null);
    }

    private static CrmWrite<T> Published<T>(HttpRequest request, CrmWrite<T> write)
        where T : CrmEntity
    {
        var headers = request.HttpContext.Response.Headers;
        headers[CrmDataRoutes.WorkflowsStartedHeader] = write.Dispatch.Started.Count.ToString(CultureInfo.InvariantCulture);
        if (write.Dispatch.Stopped is { } stopped)
        {
            headers[CrmDataRoutes.WorkflowsStoppedHeader] = new string([.. stopped.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        }

        return write;
    }

    private static IResult NotFound(CrmResource resource, string id) =>
        Results.Problem(
            title: $"{char.ToUpperInvariant(resource.Name[0])}{resource.Name[1..]} not found.",
            detail: $"No {resource.Name} has the id '{id}'.",
            statusCode: StatusCodes.Status404NotFound,
            instance: resource.Location(id),
            extensions: new Dictionary<string, object?> { ["entityType"] = resource.Name, ["id"] = id });
}
