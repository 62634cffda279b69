using System.Text.Json.Nodes;
using Serverless.Runtime.Abstractions;

namespace Serverless.Runtime.Tests.Activities;

public sealed class ActivityInputTests
{
    [Fact]
    public void Number_ReadsAnIntHeldInMemory_AndAParsedDecimal()
    {
        var inMemory = new ActivityContext("i", "w", "s", "k", 1, new JsonObject { ["count"] = 12 }, DryRun: false);
        var parsed = new ActivityContext("i", "w", "s", "k", 1, JsonNode.Parse("""{"count": 2.5, "name": "x"}"""), DryRun: false);

        ActivityInput.Number(inMemory, "count").Should().Be(12);
        ActivityInput.Number(parsed, "count").Should().Be(2.5);
        ActivityInput.Number(parsed, "name").Should().BeNull();
    }
}
