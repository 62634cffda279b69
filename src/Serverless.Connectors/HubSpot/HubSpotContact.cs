namespace Serverless.Connectors.HubSpot;

/// <summary>A HubSpot contact as the connector returns it.</summary>
public sealed record HubSpotContact(string Id, string Email, string? FirstName, string? LastName);
