using Serverless.Connectors.Resilience;

namespace Serverless.Connectors.ClickUp;

/// <summary>ClickUp settings, bound from "Connectors:ClickUp". No ApiToken: the sandbox answers instead.</summary>
public sealed class ClickUpOptions
{
    public const string SectionName = "Connectors:ClickUp";
    public const string ConnectorName = "ClickUp";

    /// <summary>The parent task of modelling subtasks named by the request-handler seed (000).</summary>
    public const string SeedParentTaskId = "86c7r48ha";

    public string BaseAddress { get; set; } = "https://api.clickup.com";

    /// <summary>Secret: a personal token (pk_...) or OAuth access token, sent as the raw Authorization header.</summary>
    public string? ApiToken { get; set; }

    /// <summary>Task under which subtasks are created.</summary>
    public string ParentTaskId { get; set; } = SeedParentTaskId;

    /// <summary>ClickUp allows 100 requests per minute per token on most plans: 10 at once, then 5 every 3 s.</summary>
    public ConnectorRateLimit RateLimit { get; set; } = new() { PermitLimit = 10, TokensPerPeriod = 5, ReplenishmentPeriod = TimeSpan.FromSeconds(3) };

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiToken);
}
