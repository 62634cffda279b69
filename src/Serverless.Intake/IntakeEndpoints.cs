using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Intake.Intake;

namespace Serverless.Intake;

public static class IntakeEndpoints
{
    /// <summary>Maps POST /api/intake/requests (the form webhook) and GET /api/intake/files/{container}/{blob} (signed file links).</summary>
    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var keys = endpoints.ServiceProvider.GetRequiredService<ApiKeyAuthenticator>();
        if (keys.UsesDevelopmentKey)
        {
            IntakeLog.UsingDevelopmentKey(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IntakeEndpoints)));
        }

        endpoints.MapPost(IntakeRoutes.Requests, (HttpContext context, IntakeApi api, CancellationToken ct) => api.SubmitAsync(context, ct))
            .WithName("SubmitIntakeRequest").WithTags("Intake")
            .Accepts<IntakeRequestDocument>("application/json", "multipart/form-data")
            .Produces<IntakeAccepted>(StatusCodes.Status202Accepted).Produces<IntakeAccepted>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge).ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery();
        endpoints.MapGet(IntakeRoutes.Files, (string path, string? expires, string? sig, IntakeApi api, CancellationToken ct) => api.DownloadAsync(path, expires, sig, ct))
            .WithName("DownloadIntakeFile").WithTags("Intake").ExcludeFromDescription();
        return endpoints;
    }
}
