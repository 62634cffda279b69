using System.Text.Json;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

public class FilterTests
{
    [Theory]
    [InlineData("{{ organisation.manager | default: 'équipe commerciale' }}", "équipe commerciale")]
    [InlineData("{{ organisation.missing | default('n/a') }}", "n/a")]
    [InlineData("{{ '' | default: 'vide' }}", "vide")]
    [InlineData("{{ organisation.pipeline_stage | default: 'n/a' }}", "PROPOSITION")]
    [InlineData("{{ organisation.missing | default: trigger.body.user_email }}", "jean@alforis.fr")]
    public void Default_BlankOrPresentValue_FallsBackOnlyWhenBlank(string template, string expected)
    {
        TestScope.RenderText(template).Should().Be(expected);
    }

    [Fact]
    public void Default_NumberFallback_KeepsNumberType()
    {
        TestScope.Render("{{ deal.missing | default: 0 }}")!.GetValueKind().Should().Be(JsonValueKind.Number);
    }

    [Theory]
    [InlineData("{{ organisation.nom | lower }}", "société générale études")]
    [InlineData("{{ organisation.nom | upper }}", "SOCIÉTÉ GÉNÉRALE ÉTUDES")]
    [InlineData("{{ organisation.email | trim }}", "Contact@Example.COM")]
    [InlineData("{{ organisation.email | trim | lower }}", "contact@example.com")]
    [InlineData("{{ 'istanbul' | upper }}", "ISTANBUL")]
    public void TextFilters_String_Transform(string template, string expected)
    {
        TestScope.RenderText(template).Should().Be(expected);
    }

    [Fact]
    public void TextFilters_MissingValue_StayNullSoDefaultCanFollow()
    {
        TestScope.Render("{{ nope | upper }}").Should().BeNull();
        TestScope.RenderText("{{ nope | upper | trim | default: 'x' }}").Should().Be("x");
    }

    [Theory]
    [InlineData("{{ organisation.nom | truncate: 8 }}", "Société…")]
    [InlineData("{{ organisation.nom | truncate: 10, '...' }}", "Société...")]
    [InlineData("{{ organisation.nom | truncate(7, '') }}", "Société")]
    [InlineData("{{ organisation.nom | truncate: 100 }}", "Société Générale Études")]
    [InlineData("{{ 'abcdef' | truncate: 2, '...' }}", "..")]
    [InlineData("{{ 'abc' | truncate: 0 }}", "")]
    public void Truncate_LongerThanLength_CutsToLengthIncludingSuffix(string template, string expected)
    {
        TestScope.RenderText(template).Should().Be(expected);
    }

    [Fact]
    public void Truncate_CutInsideSurrogatePair_DoesNotSplitIt()
    {
        TestScope.RenderText("{{ 'ab😀cd' | truncate: 3, '' }}").Should().Be("ab");
        TestScope.RenderText("{{ 'ab😀cd' | truncate: 4, '' }}").Should().Be("ab😀");
    }

    [Fact]
    public void Json_Object_RendersCompactJsonText()
    {
        var result = TestScope.Render("{{ deal.items[0] | json }}");

        result!.GetValueKind().Should().Be(JsonValueKind.String);
        result.GetValue<string>().Should().Be("""{"name":"audit","price":1200}""");
        TestScope.RenderText("{{ nope | json }}").Should().Be("null");
        TestScope.RenderText("{{ organisation.nom | json }}").Should().Be("\"Société Générale Études\"");
    }

    [Theory]
    [InlineData("{{ organisation.tags | length }}", 2)]
    [InlineData("{{ deal.items[0] | length }}", 2)]
    [InlineData("{{ 'abcd' | length }}", 4)]
    [InlineData("{{ nope | length }}", 0)]
    public void Length_OfStringArrayObjectOrMissing_CountsItems(string template, int expected)
    {
        var result = TestScope.Render(template);

        result!.GetValueKind().Should().Be(JsonValueKind.Number);
        result.GetValue<int>().Should().Be(expected);
    }

    [Theory]
    [InlineData("{{ organisation.tags | join }}", "vip, paris")]
    [InlineData("{{ organisation.tags | join: ' / ' }}", "vip / paris")]
    [InlineData("{{ organisation.pipeline_stage | join: '-' }}", "PROPOSITION")]
    public void Join_Array_JoinsTextWithSeparator(string template, string expected)
    {
        TestScope.RenderText(template).Should().Be(expected);
    }

    [Fact]
    public void Join_ArrayOfNumbersAndObjects_UsesTextForms()
    {
        var scope = TestScope.From("""{ "xs": [1, 2.5, true, null, {"a":1}] }""");

        Templates.Render("{{ xs | join: ';' }}", scope, TestScope.Now)!.GetValue<string>().Should().Be("1;2.5;true;;{\"a\":1}");
    }

    [Theory]
    [InlineData("{{ organisation.created_at | date: 'dd/MM/yyyy HH:mm' }}", "01/10/2025 08:00")]
    [InlineData("{{ organisation.closing_date | date: 'dddd d MMMM yyyy' }}", "Saturday 15 November 2025")]
    [InlineData("{{ now | date: 'yyyy-MM-dd' }}", "2025-10-18")]
    [InlineData("{{ '2025-10-18T12:00:00+02:00' | date: 'HH:mm zzz' }}", "12:00 +02:00")]
    public void Date_IsoInput_FormatsWithInvariantCulture(string template, string expected)
    {
        TestScope.RenderText(template).Should().Be(expected);
    }

    [Fact]
    public void Date_MissingInput_StaysNull()
    {
        TestScope.Render("{{ organisation.signed_at | date: 'dd/MM/yyyy' }}").Should().BeNull();
    }

    [Fact]
    public void Date_NonDateInput_ThrowsNamingTheExpression()
    {
        var act = () => TestScope.Render("{{ organisation.nom | date: 'dd/MM/yyyy' }}");

        act.Should().Throw<ExpressionException>()
            .Where(e => e.Expression == "organisation.nom | date: 'dd/MM/yyyy'")
            .WithMessage("*'{{ organisation.nom | date: 'dd/MM/yyyy' }}'*not an ISO 8601 date*");
    }

    [Theory]
    [InlineData("{{ organisation.created_at | add_time: '+2 hours' }}", "2025-10-01T10:00:00.0000000+00:00")]
    [InlineData("{{ organisation.created_at | add_time: -1 day }}", "2025-09-30T08:00:00.0000000+00:00")]
    [InlineData("{{ organisation.closing_date | add_time: '+3 jours' }}", "2025-11-18")]
    [InlineData("{{ organisation.closing_date | add_time: '+1 month' }}", "2025-12-15")]
    [InlineData("{{ organisation.closing_date | add_time: '+90 minutes' }}", "2025-11-15T01:30:00.0000000+00:00")]
    [InlineData("{{ '2025-10-18T09:00:00+02:00' | add_time: '+2 hours' }}", "2025-10-18T11:00:00.0000000+02:00")]
    [InlineData("{{ now | add_time: '+1 week' | date: 'yyyy-MM-dd' }}", "2025-10-25")]
    public void AddTime_IsoInput_ShiftsTheDate(string template, string expected)
    {
        TestScope.RenderText(template).Should().Be(expected);
    }

    [Fact]
    public void AddTime_ShiftFromPath_IsReadAtEvaluation()
    {
        var scope = TestScope.From("""{ "d": "2025-01-31", "shift": "+1 month", "bad": "soon" }""");

        Templates.Render("{{ d | add_time: shift }}", scope, TestScope.Now)!.GetValue<string>().Should().Be("2025-02-28");
        var act = () => Templates.Render("{{ d | add_time: bad }}", scope, TestScope.Now);
        act.Should().Throw<ExpressionException>().WithMessage("*'{{ d | add_time: bad }}'*\"soon\"*not a relative date*");
    }

    [Fact]
    public void AddTime_ShiftThatIsNotARelativeDate_FailsAtRenderButPassesValidation()
    {
        var template = System.Text.Json.Nodes.JsonValue.Create("{{ organisation.created_at | add_time: now }}");

        Templates.Validate(template).Should().BeEmpty();
        var act = () => Templates.Render(template, TestScope.Crm(), TestScope.Now);
        act.Should().Throw<ExpressionException>().WithMessage("*add_time the shift \"2025-10-18T10:30:00.0000000+00:00\", which is not a relative date*");
    }

    [Fact]
    public void Truncate_LengthFromPathThatIsNotANumber_ThrowsNamingTheExpression()
    {
        var act = () => TestScope.Render("{{ organisation.nom | truncate: organisation.pipeline_stage }}");

        act.Should().Throw<ExpressionException>()
            .Where(e => e.Expression == "organisation.nom | truncate: organisation.pipeline_stage")
            .WithMessage("*truncate the length \"PROPOSITION\"*whole number*");
    }

    [Theory]
    [InlineData("{{ organisation.nom | shout }}", "*unknown filter 'shout'*default, lower, upper*")]
    [InlineData("{{ organisation.nom | truncate }}", "*'truncate' 0 argument(s)*length*")]
    [InlineData("{{ organisation.nom | upper: 2 }}", "*'upper' 1 argument(s)*no argument*")]
    [InlineData("{{ organisation.nom | truncate: -1 }}", "*truncate the length -1*")]
    [InlineData("{{ organisation.nom | truncate: 'five' }}", "*truncate the length \"five\"*")]
    [InlineData("{{ organisation.created_at | date: 'yyyy-%' }}", "*format 'yyyy-%'*")]
    [InlineData("{{ organisation.created_at | date: 5 }}", "*date the format 5*")]
    [InlineData("{{ organisation.created_at | add_time: 'tomorrow' }}", "*\"tomorrow\", which is not a relative date*")]
    [InlineData("{{ organisation.nom | }}", "*'|' that is not followed by a filter name*")]
    [InlineData("{{ organisation.nom lower }}", "*unexpected text 'lower'*")]
    public void Render_BadFilterUse_ThrowsMessageNamingTheExpression(string template, string messagePattern)
    {
        var act = () => TestScope.Render(template);

        var thrown = act.Should().Throw<ExpressionException>().WithMessage(messagePattern).Which;
        thrown.Message.Should().StartWith($"The expression '{{{{ {thrown.Expression} }}}}'");
        template.Should().Contain(thrown.Expression);
    }
}
