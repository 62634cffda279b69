using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Api;
using Serverless.Api.Http;
using Serverless.Helpdesk.Batches;
using Serverless.Helpdesk.Queue;

namespace Serverless.Helpdesk.Api;

/// <summary>What both hosts answer on /api/v1/helpdesk (docs/helpdesk.md): status, refresh, start / list / follow
/// batches, export. A bad batch request is a 400 problem naming the field and starts nothing.</summary>
public sealed class HelpdeskHandlers(HelpdeskBatches batches, HelpdeskBatchStore store, HelpdeskQueue queue, PendingRefresh refresh, IOptions<ApiOptions> api)
{
    public const int MaxCount = 1000;
    public const double MaxDelaySeconds = 600;

    public async Task<IResult> StatusAsync(CancellationToken cancellationToken) => Results.Ok(await batches.StatusAsync(cancellationToken));

    public async Task<IResult> RefreshAsync(CancellationToken cancellationToken)
    {
        var result = await refresh.RunAsync(cancellationToken);
        return Results.Ok(new JsonObject { ["read"] = result.Read, ["pending"] = result.Pending, ["pages"] = result.Pages, ["department_id"] = result.DepartmentId });
    }

    public async Task<IResult> StartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, problem) = await JsonBody.ReadAsync(request, api.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (batch, errors) = Parse(body as JsonObject ?? (body is null ? [] : null));
        if (batch is null)
        {
            return ApiProblems.Invalid(errors, request.Path);
        }

        var started = await batches.StartAsync(batch, cancellationToken);
        var answer = new JsonObject
        {
            ["batch_id"] = started.BatchId,
            ["resumed"] = started.Resumed,
            ["dry_run"] = started.DryRun,
            ["status_url"] = $"/api/v1/helpdesk/batches/{Uri.EscapeDataString(started.BatchId)}",
        };
        return started.Resumed ? Results.Ok(answer) : Results.Json(answer, statusCode: StatusCodes.Status202Accepted);
    }

    public async Task<IResult> ListAsync(CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(cancellationToken);
        return Results.Ok(new JsonObject
        {
            ["batches"] = new JsonArray(list.Select(b => (JsonNode?)new JsonObject
            {
                ["batch_id"] = b.Id,
                ["requested"] = b.Requested,
                ["tickets"] = b.Tickets.Count,
                ["dry_run"] = b.DryRun,
                ["started_at"] = b.StartedAt.ToString("O", CultureInfo.InvariantCulture),
                ["finished_at"] = b.FinishedAt?.ToString("O", CultureInfo.InvariantCulture),
                ["summary"] = b.Summary?.DeepClone(),
            }).ToArray()),
        });
    }

    public async Task<IResult> GetAsync(string batchId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var withResults = !string.Equals(request.Query["results"], "false", StringComparison.OrdinalIgnoreCase);
        return await batches.ProgressAsync(batchId, cancellationToken) is { } progress
            ? Results.Ok(progress.ToJson(withResults))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Batch not found", detail: $"No helpdesk batch '{batchId}'.");
    }

    /// <summary>The seed's two files' contents: doc_tickets_pending.json and doc_tickets_processed.json.</summary>
    public async Task<IResult> ExportAsync(CancellationToken cancellationToken) => Results.Ok(new JsonObject
    {
        ["pending"] = new JsonArray((await queue.ListPendingAsync(cancellationToken)).Select(p => (JsonNode?)p.ToJson()).ToArray()),
        ["processed"] = new JsonArray((await queue.ListProcessedAsync(cancellationToken)).Select(p => (JsonNode?)p.ToJson()).ToArray()),
    });

    /// <summary>{count, dry_run, delay, ticket, today}: the CLI's flags by the seed's names (dryRun, delaySeconds,
    /// ticketId accepted too).</summary>
    public static (BatchRequest? Request, Dictionary<string, string[]> Errors) Parse(JsonObject? body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body is null)
        {
            errors["body"] = ["The body must be a JSON object such as {\"count\": 10, \"dry_run\": true}."];
            return (null, errors);
        }

        var known = new HashSet<string>(["count", "dry_run", "dryRun", "delay", "delaySeconds", "ticket", "ticketId", "today"], StringComparer.Ordinal);
        foreach (var name in body.Select(p => p.Key).Where(k => !known.Contains(k)))
        {
            errors[name] = [$"'{name}' is not a batch field; use count, dry_run, delay, ticket, today."];
        }

        var count = Number(body, errors, "count") ?? 10;
        if (count is < 1 or > MaxCount || count != Math.Floor(count))
        {
            errors["count"] = [$"'count' must be a whole number from 1 to {MaxCount} (was {count.ToString(CultureInfo.InvariantCulture)})."];
        }

        var delay = Number(body, errors, "delay", "delaySeconds") ?? 2.0;
        if (delay is < 0 or > MaxDelaySeconds)
        {
            errors["delay"] = [$"'delay' must be between 0 and {MaxDelaySeconds} seconds."];
        }

        var dryRun = Flag(body, errors, "dry_run", "dryRun");
        var ticket = Text(body, errors, "ticket", "ticketId");
        if (ticket is not null && !ticket.All(char.IsAsciiLetterOrDigit))
        {
            errors["ticket"] = [$"'ticket' must be a Zoho Desk ticket id (letters and digits), not '{ticket}'."];
        }

        var today = Text(body, errors, "today");
        if (today is not null && !DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors["today"] = [$"'today' must be a date such as 2026-02-03, not '{today}'."];
        }

        return errors.Count > 0 ? (null, errors) : (new BatchRequest((int)count, dryRun, delay, ticket, today), errors);
    }

    private static JsonNode? Field(JsonObject body, params string[] names) =>
        names.Select(n => body[n]).FirstOrDefault(n => n is not null);

    private static double? Number(JsonObject body, Dictionary<string, string[]> errors, params string[] names)
    {
        var node = Field(body, names);
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number)
        {
            return node.GetValue<double>();
        }

        errors[names[0]] = [$"'{names[0]}' must be a number."];
        return null;
    }

    private static bool Flag(JsonObject body, Dictionary<string, string[]> errors, params string[] names)
    {
        var node = Field(body, names);
        if (node is null)
        {
            return false;
        }

        if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return node.GetValue<bool>();
        }

        errors[names[0]] = [$"'{names[0]}' must be true or false."];
        return false;
    }

    private static string? Text(JsonObject body, Dictionary<string, string[]> errors, params string[] names)
    {
        var node = Field(body, names);
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String && node.GetValue<string>().Length is > 0 and <= 64)
        {
            return node.GetValue<string>();
        }

        errors[names[0]] = [$"'{names[0]}' must be a non-empty string of at most 64 characters."];
        return null;
    }
}
