namespace Serverless.Engine.Loading;

/// <summary>How a field may be left out.</summary>
internal enum Need
{
    /// <summary>Must be present and not null.</summary>
    Required,

    /// <summary>May be absent or null (the record property is nullable).</summary>
    Optional,

    /// <summary>May be absent (the record has a default) but not null.</summary>
    Defaulted,
}
