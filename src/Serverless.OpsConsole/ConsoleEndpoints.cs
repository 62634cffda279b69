using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Serverless.OpsConsole;

public static class ConsoleEndpoints
{
    /// <summary>The Functions app's route under its "api" prefix: /api/console/{path}.</summary>
    public const string FunctionsRoute = "console/{*path}";

    /// <summary>The embedded host serves the console at its root. The catch-all has the lowest route priority and
    /// leaves /api/ alone, so every API route and every API error answer as they would without it.</summary>
    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context, ConsoleFileHandler h) => h.Serve(context, string.Empty))
            .WithName("Console").ExcludeFromDescription();
        // Never an /api/ address: those are the API's, and an unknown one stays the API's 404 problem for every method
        // (were the catch-all to match it, a mistyped POST would get 405 and a wrong content type 404 instead of 415).
        endpoints.MapGet("/{**path:regex(^(?!api(/|$)))}", (HttpContext context, string path, ConsoleFileHandler h) => h.Serve(context, path))
            .WithName("ConsoleFiles").ExcludeFromDescription();
        return endpoints;
    }
}
