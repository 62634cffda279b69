using Serverless.Mail.Parsing;

namespace Serverless.Mail.Tests.Parsing;

public sealed class MessageIdsTests
{
    [Theory]
    [InlineData("<ABC.123@Example.COM>", "abc.123@example.com")]
    [InlineData("  <abc.123@example.com>  ", "abc.123@example.com")]
    [InlineData("abc.123@EXAMPLE.com", "abc.123@example.com")]
    [InlineData("< abc.123@example.com\r\n >", "abc.123@example.com")]
    [InlineData("<abc.123 @ example.com>", "abc.123@example.com")]
    [InlineData("<abc.123@example.com> (comment)", "abc.123@example.com")]
    public void Normalize_SpellingsOfOneId_GiveOneKey(string raw, string expected)
    {
        MessageIds.Normalize(raw).Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<>")]
    [InlineData("< \t >")]
    public void Normalize_NoId_IsNull(string? raw)
    {
        MessageIds.Normalize(raw).Should().BeNull();
    }

    [Fact]
    public void Normalize_LongerThanAHeaderLine_IsNull()
    {
        MessageIds.Normalize("<" + new string('a', 999) + "@x>").Should().BeNull();
    }

    [Fact]
    public void ParseList_FoldedReferences_KeepsOrderAndDropsRepeats()
    {
        var ids = MessageIds.ParseList("<A@x.example>\r\n <b@X.example> <a@x.example>\t<c@x.example>");

        ids.Should().Equal("b@x.example", "a@x.example", "c@x.example");
    }

    [Fact]
    public void ParseList_WithoutAngleBrackets_SplitsOnSpacesAndCommas()
    {
        MessageIds.ParseList("a@x.example, b@x.example").Should().Equal("a@x.example", "b@x.example");
    }

    [Fact]
    public void ParseList_TooMany_KeepsTheNewest()
    {
        var header = string.Join(" ", Enumerable.Range(1, 150).Select(i => $"<m{i}@x.example>"));

        var ids = MessageIds.ParseList(header);

        ids.Should().HaveCount(MessageIds.MaxListCount);
        ids[0].Should().Be("m51@x.example");
        ids[^1].Should().Be("m150@x.example");
    }
}
