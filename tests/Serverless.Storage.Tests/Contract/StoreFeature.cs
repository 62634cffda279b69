namespace Serverless.Storage.Tests.Contract;

/// <summary>Port features some test backends lack; a test needing one is marked with <see cref="StoreFactAttribute"/>.</summary>
public static class StoreFeature
{
    public const string OrderBy = "ORDER BY";
}

/// <summary>
/// On a contract test class: this backend lacks <see cref="Feature"/>, so tests needing it are reported as skipped
/// with the reason, unless <see cref="TestEnvironment.CosmosReal"/> says the endpoint is a real Cosmos DB.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class LacksFeatureAttribute(string feature, string backend) : Attribute
{
    public string Feature { get; } = feature;
    public string Backend { get; } = backend;
}
