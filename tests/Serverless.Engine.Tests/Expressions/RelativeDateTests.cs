using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

public class RelativeDateTests
{
    [Theory]
    [InlineData("{{ +7 days }}", "2025-10-25T10:30:00.0000000+00:00")]
    [InlineData("{{ -2 hours }}", "2025-10-18T08:30:00.0000000+00:00")]
    [InlineData("{{ +30 minutes }}", "2025-10-18T11:00:00.0000000+00:00")]
    [InlineData("{{ +1 week }}", "2025-10-25T10:30:00.0000000+00:00")]
    [InlineData("{{ +3 months }}", "2026-01-18T10:30:00.0000000+00:00")]
    [InlineData("{{ +1 day }}", "2025-10-19T10:30:00.0000000+00:00")]
    [InlineData("{{ 2 hours }}", "2025-10-18T12:30:00.0000000+00:00")]
    [InlineData("{{ +45 seconds }}", "2025-10-18T10:30:45.0000000+00:00")]
    [InlineData("{{ +1 year }}", "2026-10-18T10:30:00.0000000+00:00")]
    [InlineData("{{ +3 jours }}", "2025-10-21T10:30:00.0000000+00:00")]
    [InlineData("{{ -1 heure }}", "2025-10-18T09:30:00.0000000+00:00")]
    [InlineData("{{ +2 semaines }}", "2025-11-01T10:30:00.0000000+00:00")]
    [InlineData("{{ +1 mois }}", "2025-11-18T10:30:00.0000000+00:00")]
    [InlineData("{{ +7 Days }}", "2025-10-25T10:30:00.0000000+00:00")]
    public void Render_RelativeDate_ShiftsNowAndReturnsIsoText(string template, string expected)
    {
        TestScope.RenderText(template).Should().Be(expected);
    }

    [Fact]
    public void Render_RelativeDateWithOffsetNow_IsExpressedInUtc()
    {
        var now = new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.FromHours(1));

        Templates.Render("{{ +1 day }}", TestScope.Crm(), now)!.GetValue<string>().Should().Be("2025-03-31T00:00:00.0000000+00:00");
    }

    [Fact]
    public void Render_RelativeDateInsideText_RendersIsoText()
    {
        TestScope.RenderText("Relancer avant le {{ +7 days | date: 'dd/MM/yyyy' }}").Should().Be("Relancer avant le 25/10/2025");
    }

    [Fact]
    public void Render_SameInputsTwice_GiveTheSameResult()
    {
        TestScope.RenderText("{{ +7 days }}").Should().Be(TestScope.RenderText("{{ +7 days }}"));
        TestScope.RenderText("{{ now }}").Should().Be("2025-10-18T10:30:00.0000000+00:00");
    }

    [Theory]
    [InlineData("{{ +7 dayz }}")]
    [InlineData("{{ +1.5 days }}")]
    [InlineData("{{ +7 fortnights }}")]
    public void Render_BadRelativeDate_ThrowsNamingTheExpression(string template)
    {
        var act = () => TestScope.Render(template);

        act.Should().Throw<ExpressionException>().WithMessage("The expression '*' has a bad relative date*'+7 days'*");
    }

    [Fact]
    public void Render_RelativeDateOutsideCalendar_ThrowsNamingTheExpression()
    {
        var act = () => TestScope.Render("{{ +999999 years }}");

        act.Should().Throw<ExpressionException>().Where(e => e.Expression == "+999999 years").WithMessage("*outside the calendar*");
    }
}
