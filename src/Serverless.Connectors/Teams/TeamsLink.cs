namespace Serverless.Connectors.Teams;

/// <summary>A button that opens a URL (Adaptive Card Action.OpenUrl).</summary>
public sealed record TeamsLink(string Title, Uri Url);
