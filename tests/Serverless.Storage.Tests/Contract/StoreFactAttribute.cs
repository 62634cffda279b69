using Xunit.Abstractions;
using Xunit.Sdk;

namespace Serverless.Storage.Tests.Contract;

/// <summary>A contract test that needs <paramref name="feature"/>; see <see cref="LacksFeatureAttribute"/>.</summary>
[XunitTestCaseDiscoverer("Serverless.Storage.Tests.Contract.StoreFactDiscoverer", "Serverless.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute(string feature) : FactAttribute
{
    public string Feature { get; } = feature;
}

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var feature = (string)factAttribute.GetConstructorArguments().First();
        var lacking = testMethod.TestClass.Class.ToRuntimeType()
            .GetCustomAttributes(typeof(LacksFeatureAttribute), inherit: true)
            .Cast<LacksFeatureAttribute>()
            .FirstOrDefault(a => a.Feature == feature);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        if (lacking is null || TestEnvironment.IsRealCosmos)
        {
            yield return new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
            yield break;
        }

        var reason = $"{feature} is not supported by {lacking.Backend}; runs when {TestEnvironment.CosmosReal}=1 and " +
            $"{TestEnvironment.CosmosEndpoint}/{TestEnvironment.CosmosKey} point at a real Cosmos DB account or emulator.";
        yield return new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason);
    }
}
