namespace Serverless.Connectors.HubSpot;

/// <summary>A created ticket: its id and the URL people open it at.</summary>
public sealed record HubSpotTicket(string Id, string Url);
