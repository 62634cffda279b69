namespace Serverless.Intake.Intake;

public static class IntakeRoutes
{
    public const string Requests = "/api/intake/requests";
    public const string Files = "/api/intake/files/{**path}";

    public static string InstanceUrl(string instanceId) => $"/api/instances/{Uri.EscapeDataString(instanceId)}";
}
