using Microsoft.AspNetCore.Http;

namespace Serverless.Intake.Intake;

/// <summary>The endpoint's answers: 202/200 with {instanceId, statusUrl}, and application/problem+json refusals
/// whose "errors" name every field at fault.</summary>
internal static class IntakeResults
{
    public static IResult Accepted(string instanceId)
    {
        var body = new IntakeAccepted(instanceId, IntakeRoutes.InstanceUrl(instanceId));
        return Results.Accepted(body.StatusUrl, body);
    }

    public static IResult Existing(string instanceId) => Results.Ok(new IntakeAccepted(instanceId, IntakeRoutes.InstanceUrl(instanceId)));

    public static IResult Unauthorized(string detail) =>
        Results.Problem(title: "Authentication failed.", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    public static IResult ReplayInFlight() =>
        Results.Problem(
            title: "The same signed request is already being handled.",
            detail: "A byte-identical request with this signature is still starting its instance; send it again in a moment to get that instance's id.",
            statusCode: StatusCodes.Status409Conflict);

    public static IResult Invalid(int status, string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, statusCode: status, title: Title(status));

    public static IResult Invalid(IntakeErrors errors) =>
        Results.ValidationProblem(errors.ToDictionary(), statusCode: errors.Status, title: Title(errors.Status));

    private static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request or one of its files is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request or one of its files has a type that is not accepted.",
        _ => "The request is not valid.",
    };
}

/// <summary>Body of 202 Accepted (new instance) and 200 OK (the instance a repeated request already started).</summary>
public sealed record IntakeAccepted(string InstanceId, string StatusUrl);
