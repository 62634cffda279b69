using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Api.Http;

namespace Serverless.Api.Security;

/// <summary>
/// What the embedded host's pipeline does around a shared handler (management key filter, storage exception
/// mapping), for hosts that call the handlers directly: the Azure Functions triggers (<c>req.Run&lt;THandler&gt;</c>).
/// </summary>
public static class SharedHandlerPipeline
{
    /// <summary>A management route: refuses with a 401 (403, 503) problem+json unless <see cref="ManagementAuth"/> lets the
    /// request through, then runs the handler as <see cref="RunOpenAsync"/> does.</summary>
    public static async Task<IResult> RunManagementAsync(this HttpContext context, Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        if (await context.RequestServices.GetRequiredService<ManagementAuth>().AuthorizeAsync(context) is { } refusal)
        {
            return refusal;
        }

        return await RunOpenAsync(context, handler);
    }

    /// <summary>A route that authenticates itself (health, signed links, Slack, intake): runs the handler and turns
    /// the typed storage exceptions into their problem responses (404, 409, 412, 413, and 503 for a store the disk
    /// refuses) as the embedded host's exception handler does; any other exception propagates.</summary>
    public static async Task<IResult> RunOpenAsync(this HttpContext context, Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            return await handler();
        }
        catch (Exception ex) when (StorageProblems.StatusCodeFor(ex) is not null)
        {
            return StorageProblems.For(ex, context.Request)!;
        }
    }
}
