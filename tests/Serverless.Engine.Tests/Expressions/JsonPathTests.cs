using System.Text.Json.Nodes;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

public class JsonPathTests
{
    [Theory]
    [InlineData("a.b[2].c", new[] { "a", "b", "2", "c" })]
    [InlineData("steps.classify.output.type_final", new[] { "steps", "classify", "output", "type_final" })]
    [InlineData("items.0.name", new[] { "items", "0", "name" })]
    [InlineData("a[\"x y\"].b", new[] { "a", "x y", "b" })]
    [InlineData("a['it\\'s']", new[] { "a", "it's" })]
    [InlineData("  trigger.body.user_email ", new[] { "trigger", "body", "user_email" })]
    [InlineData("headers.x-request-id", new[] { "headers", "x-request-id" })]
    public void Split_ValidPath_ReturnsSegments(string path, string[] expected)
    {
        JsonPath.Split(path).Should().Equal(expected);
    }

    [Theory]
    [InlineData("", "*does not start with a name*")]
    [InlineData("a..b", "*'.' that is not followed*")]
    [InlineData("a[1", "*without its closing ']'*")]
    [InlineData("a[x]", "*neither an index nor a quoted name*")]
    [InlineData("a b", "*unexpected text 'b'*")]
    [InlineData("9lives", "*does not start with a name*")]
    public void Split_MalformedPath_ThrowsNamingThePath(string path, string message)
    {
        var act = () => JsonPath.Split(path);

        act.Should().Throw<ExpressionException>().Where(e => e.Expression == path).WithMessage(message);
    }

    [Fact]
    public void TryNavigate_ObjectsAndArrays_FindsValuesFromTheGivenSegment()
    {
        var root = JsonNode.Parse("""{ "a": { "list": [10, { "b": "deep" }], "nothing": null } }""");

        JsonPath.TryNavigate(root, ["a", "list", "1", "b"], 0, out var deep).Should().BeTrue();
        deep!.GetValue<string>().Should().Be("deep");
        JsonPath.TryNavigate(root, ["ignored", "a", "list", "0"], 1, out var first).Should().BeTrue();
        first!.GetValue<int>().Should().Be(10);
        JsonPath.TryNavigate(root, ["a", "nothing"], 0, out var nothing).Should().BeTrue();
        nothing.Should().BeNull();
        JsonPath.TryNavigate(root, [], 0, out var self).Should().BeTrue();
        self.Should().BeSameAs(root);
    }

    [Theory]
    [InlineData("a", "missing")]
    [InlineData("a", "list", "2")]
    [InlineData("a", "list", "-1")]
    [InlineData("a", "list", "x")]
    [InlineData("a", "nothing", "deeper")]
    [InlineData("a", "list", "0", "deeper")]
    public void TryNavigate_MissingSegment_ReturnsFalseAndNull(params string[] segments)
    {
        var root = JsonNode.Parse("""{ "a": { "list": [10, { "b": "deep" }], "nothing": null } }""");

        JsonPath.TryNavigate(root, segments, 0, out var value).Should().BeFalse();
        value.Should().BeNull();
    }

    [Fact]
    public void ObjectScope_TryResolve_UsesRootsAndReportsMissing()
    {
        var scope = new ObjectScope(new JsonObject { ["organisation"] = new JsonObject { ["nom"] = "Alforis" } });

        scope.TryResolve(["organisation", "nom"], out var nom).Should().BeTrue();
        nom!.GetValue<string>().Should().Be("Alforis");
        scope.TryResolve(["deal"], out var deal).Should().BeFalse();
        deal.Should().BeNull();
        scope.TryResolve([], out _).Should().BeFalse();
    }
}
