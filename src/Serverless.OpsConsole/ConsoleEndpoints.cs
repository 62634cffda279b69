using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Serverless.OpsConsole;

public static class ConsoleEndpoints
{
    /// <summary>The Functions app's route under its "api" prefix: /api/console/{path}.</summary>
    public const string FunctionsRoute = "console/{*path}";

    /// <summary>The embedded host serves the console at its root. The catch-all has the lowest route priority, so
    /// every API route still wins; paths under /api/ that match no route stay 404 problems.</summary>
    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context, ConsoleFileHandler h) => h.Serve(context, string.Empty))
            .WithName("Console").ExcludeFromDescription();
        endpoints.MapGet("/{**path}", (HttpContext context, string path, ConsoleFileHandler h) =>
                path.StartsWith("api/", StringComparison.OrdinalIgnoreCase) ? NoSuchRoute(context) : h.Serve(context, path))
            .WithName("ConsoleFiles").ExcludeFromDescription();
        // Without it, a POST to a mistyped /api/ address would meet the GET-only catch-all above and get 405.
        endpoints.MapFallback("/api/{**rest}", NoSuchRoute);
        return endpoints;
    }

    private static IResult NoSuchRoute(HttpContext context) =>
        Results.Problem(title: "Not found.", detail: "No API route has this address.", statusCode: StatusCodes.Status404NotFound, instance: context.Request.Path);
}
