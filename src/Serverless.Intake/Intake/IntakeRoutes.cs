namespace Serverless.Intake.Intake;

public static class IntakeRoutes
{
    /// <summary>Routes under the "api" prefix, as an Azure Functions trigger declares them.</summary>
    public const string RequestsRoute = "intake/requests";
    public const string FilesRoute = "intake/files/{*path}";

    public const string Requests = "/api/" + RequestsRoute;
    public const string Files = "/api/intake/files/{**path}";

    public static string InstanceUrl(string instanceId) => $"/api/instances/{Uri.EscapeDataString(instanceId)}";
}
