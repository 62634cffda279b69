namespace Serverless.Connectors.Zoho;

/// <summary>Zoho's data centres and their hosts. Most follow accounts.zoho.{dc}, desk.zoho.{dc} and www.zohoapis.{dc};
/// Canada is the exception: its accounts and Desk hosts are on zohocloud.ca.</summary>
internal static class ZohoDataCenters
{
    private static readonly Dictionary<string, Hosts> All = new(StringComparer.OrdinalIgnoreCase)
    {
        ["com"] = Standard("com"),
        ["eu"] = Standard("eu"),
        ["in"] = Standard("in"),
        ["com.au"] = Standard("com.au"),
        ["jp"] = Standard("jp"),
        ["ca"] = new("https://accounts.zohocloud.ca", "https://desk.zohocloud.ca", "https://www.zohoapis.ca"),
        ["sa"] = Standard("sa"),
        ["com.cn"] = Standard("com.cn"),
        ["uk"] = Standard("uk"),
    };

    /// <summary>The allowed values, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["com", "eu", "in", "com.au", "jp", "ca", "sa", "com.cn", "uk"];

    /// <summary>The hosts of a data centre; an empty value is the default (com); null for an unknown one.</summary>
    public static Hosts? Find(string? dataCenter) =>
        All.TryGetValue(string.IsNullOrWhiteSpace(dataCenter) ? ZohoOptions.DefaultDataCenter : dataCenter.Trim(), out var hosts) ? hosts : null;

    public static string Problem(string? dataCenter) =>
        $"{ZohoOptions.SectionName}:DataCenter = '{dataCenter}' is not a Zoho data centre: use one of {string.Join(", ", Names)}.";

    private static Hosts Standard(string dc) => new($"https://accounts.zoho.{dc}", $"https://desk.zoho.{dc}", $"https://www.zohoapis.{dc}");

    internal sealed record Hosts(string Accounts, string Desk, string Crm);
}
