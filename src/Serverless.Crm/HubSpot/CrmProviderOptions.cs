namespace Serverless.Crm.HubSpot;

/// <summary>Which CRM the port talks to.</summary>
public enum CrmProvider
{
    /// <summary>The built-in CRM on the document store (the default).</summary>
    BuiltIn,

    /// <summary>HubSpot, through the connector's HubSpot client (Connectors:HubSpot).</summary>
    HubSpot,
}

/// <summary>The setting Crm:Provider (BuiltIn by default, or HubSpot).</summary>
public sealed class CrmProviderOptions
{
    public const string SectionName = "Crm";

    public CrmProvider Provider { get; set; } = CrmProvider.BuiltIn;

    public bool IsHubSpot => Provider == CrmProvider.HubSpot;
}
