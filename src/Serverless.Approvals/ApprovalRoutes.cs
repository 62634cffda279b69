namespace Serverless.Approvals;

/// <summary>Route templates of the approval surfaces (the Azure Functions triggers add the /api prefix themselves).</summary>
public static class ApprovalRoutes
{
    public const string Prefix = "/api";
    public const string Approvals = "approvals";
    public const string Decision = "approvals/{token}";
    public const string SlackInteractions = "slack/interactions";
}
