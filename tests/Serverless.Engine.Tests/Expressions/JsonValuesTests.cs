using System.Text.Json.Nodes;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

public class JsonValuesTests
{
    private static JsonNode? J(string json) => JsonNode.Parse(json);

    [Theory]
    [InlineData("1", "1.0", true)]
    [InlineData("1", "\"1\"", true)]
    [InlineData("\"1\"", "\"1.0\"", false)]
    [InlineData("1", "\"one\"", false)]
    [InlineData("\"2025-10-18\"", "\"2025-10-18T00:00:00+00:00\"", true)]
    [InlineData("\"2025-10-18T02:00:00+02:00\"", "\"2025-10-18T00:00:00Z\"", true)]
    [InlineData("true", "true", true)]
    [InlineData("true", "1", false)]
    [InlineData("{\"a\":[1,{\"b\":null}]}", "{\"a\":[1.0,{\"b\":null}]}", true)]
    [InlineData("{\"a\":1}", "{\"a\":1,\"b\":2}", false)]
    [InlineData("[1,2]", "[1,2,3]", false)]
    [InlineData("[]", "{}", false)]
    [InlineData("\"abc\"", "\"ABC\"", false)]
    public void AreEqual_Values_AreComparedByType(string a, string b, bool expected)
    {
        JsonValues.AreEqual(J(a), J(b)).Should().Be(expected);
        JsonValues.AreEqual(J(b), J(a)).Should().Be(expected);
    }

    [Fact]
    public void AreEqual_NullAndClrBackedValues_AreHandled()
    {
        JsonValues.AreEqual(null, null).Should().BeTrue();
        JsonValues.AreEqual(null, J("0")).Should().BeFalse();
        JsonValues.AreEqual(JsonValue.Create(2.5m), J("2.50")).Should().BeTrue();
        JsonValues.AreEqual(JsonValue.Create("x"), J("\"x\"")).Should().BeTrue();
        JsonValues.AreEqual(JsonValue.Create(new DateTimeOffset(2025, 10, 18, 0, 0, 0, TimeSpan.Zero)), J("\"2025-10-18\"")).Should().BeTrue();
    }

    [Theory]
    [InlineData("2", "10", -1)]
    [InlineData("\"10\"", "9", 1)]
    [InlineData("\"10\"", "\"9\"", -1)]
    [InlineData("1e3", "999.5", 1)]
    [InlineData("\"2025-10-18T10:00:00+02:00\"", "\"2025-10-18T09:00:00Z\"", -1)]
    [InlineData("\"b\"", "\"a\"", 1)]
    [InlineData("false", "true", -1)]
    [InlineData("3", "3.00", 0)]
    public void Compare_CompatibleValues_Orders(string a, string b, int expected)
    {
        JsonValues.Compare(J(a), J(b)).Should().Be(expected);
    }

    [Theory]
    [InlineData("1", "\"abc\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("[1]", "[1]")]
    [InlineData("{}", "{}")]
    [InlineData("1", "null")]
    public void Compare_IncompatibleValues_IsNull(string a, string b)
    {
        JsonValues.Compare(J(a), J(b)).Should().BeNull();
    }
}
