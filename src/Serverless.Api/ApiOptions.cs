namespace Serverless.Api;

/// <summary>Limits of the HTTP surface (section "Api").</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body accepted (workflow input, event payload); larger requests get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Page size of instance and dead-letter listings when the request gives no limit.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>Largest limit a listing accepts.</summary>
    public int MaxPageSize { get; set; } = 1000;
}
