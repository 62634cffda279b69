namespace Serverless.Crm.HubSpot;

/// <summary>The HubSpot bridge's route, under the "api" prefix (what an Azure Functions trigger declares).</summary>
public static class CrmHubSpotRoutes
{
    public const string Webhook = "v1/crm/hubspot/webhook";
}
