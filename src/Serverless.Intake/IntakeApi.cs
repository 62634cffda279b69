using Microsoft.AspNetCore.Http;
using Serverless.Intake.Files;
using Serverless.Intake.Intake;

namespace Serverless.Intake;

/// <summary>The intake routes as the one public entry point both hosts call: MapIntakeApi in the embedded host,
/// one-line HTTP triggers in the Azure Functions app.</summary>
public sealed class IntakeApi
{
    private readonly IntakeHandler intake;
    private readonly FileDownloadHandler files;

    internal IntakeApi(IntakeHandler intake, FileDownloadHandler files)
    {
        this.intake = intake;
        this.files = files;
    }

    /// <summary>POST /api/intake/requests: the web-form webhook.</summary>
    public Task<IResult> SubmitAsync(HttpContext context, CancellationToken cancellationToken) =>
        intake.HandleAsync(context, cancellationToken);

    /// <summary>GET /api/intake/files/{path}?expires=&amp;sig=: a signed link to a stored attachment.</summary>
    public Task<IResult> DownloadAsync(string path, string? expires, string? sig, CancellationToken cancellationToken) =>
        files.GetAsync(path, expires, sig, cancellationToken);
}
