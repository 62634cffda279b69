using System.Text.Json.Nodes;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

public class TemplateAnalysisTests
{
    [Fact]
    public void FindReferences_Tree_ListsEveryPathIncludingFilterArguments()
    {
        var template = JsonNode.Parse("""
            { "to": "{{ trigger.body.user_email }}",
              "subject": "Deal {{ steps.classify.output.type_final | upper }} pour {{ organisation.nom | default: vars.fallback_name }}",
              "{{ key.is.ignored }}": ["{{ deal.items[0].name }}", 3, "{{ now }}", "{{ +7 days }}", "{{ 'literal' }}"] }
            """);

        var references = Templates.FindReferences(template);

        references.Select(r => string.Join("/", r.Path)).Should().Equal(
            "trigger/body/user_email", "steps/classify/output/type_final", "organisation/nom", "vars/fallback_name", "deal/items/0/name");
        references[1].Expression.Should().Be("steps.classify.output.type_final | upper");
        references[3].Expression.Should().Be("organisation.nom | default: vars.fallback_name");
    }

    [Fact]
    public void FindReferences_BrokenExpression_IsSkippedAndOthersAreFound()
    {
        var references = Templates.FindReferences(JsonValue.Create("{{ a.b | shout }} and {{ c.d }}"));

        references.Should().ContainSingle().Which.Path.Should().Equal("c", "d");
        Templates.FindReferences(null).Should().BeEmpty();
        Templates.FindReferences(JsonValue.Create("{{ unclosed")).Should().BeEmpty();
    }

    [Fact]
    public void Validate_CorrectTemplate_IsEmpty()
    {
        var template = JsonNode.Parse("""
            { "a": "{{ x | default: 'n/a' | truncate: 20, '...' | upper }}", "b": "{{ d | date: 'dd/MM/yyyy' }}",
              "c": "{{ d | add_time: '+2 hours' }}", "e": ["{{ +3 months }}", "plain", 5, null], "f": "{{ xs | join }} {{ x | json }}" }
            """);

        Templates.Validate(template).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Bonjour {{ organisation.nom", "The template 'Bonjour {{ organisation.nom' has a '{{' without a closing '}}'.")]
    [InlineData("Bonjour organisation.nom }}", "The template 'Bonjour organisation.nom }}' has a '}}' without a matching '{{'.")]
    [InlineData("{{ a {{ b }} }}", "The template '{{ a {{ b }} }}' opens a '{{' inside another '{{ }}'.")]
    [InlineData("{{ }}", "The expression '{{ }}' is empty; write a path such as organisation.nom between the braces")]
    [InlineData("{{ x | shout }}", "The expression '{{ x | shout }}' uses the unknown filter 'shout'; the filters are default, lower, upper, trim, truncate, json, length, join, date, add_time")]
    [InlineData("{{ x | truncate: 'ten' }}", "The expression '{{ x | truncate: 'ten' }}' gives truncate the length \"ten\"; it needs a whole number of 0 or more")]
    [InlineData("{{ x | default }}", "The expression '{{ x | default }}' gives the filter 'default' 0 argument(s); it takes one argument, the fallback value")]
    [InlineData("{{ +2 dais }}", "The expression '{{ +2 dais }}' has a bad relative date '+2 dais'; write it like '+7 days', '-2 hours', '+30 minutes', '+1 week' or '+3 months'")]
    [InlineData("{{ d | add_time: 'later' }}", "The expression '{{ d | add_time: 'later' }}' gives add_time the shift \"later\", which is not a relative date; write it like '+7 days', '-2 hours', '+30 minutes', '+1 week' or '+3 months'")]
    [InlineData("{{ 'open }}", "The template '{{ 'open }}' has a quote inside '{{ }}' without its closing quote.")]
    public void Validate_Problem_IsOnePlainSentence(string template, string expected)
    {
        Templates.Validate(JsonValue.Create(template)).Should().Equal(expected);
    }

    [Fact]
    public void Validate_SeveralProblemsInATree_ReportsAllWithTheirPlace()
    {
        var template = JsonNode.Parse("""
            { "subject": "{{ a | nope }} et {{ b | upper: 1 }}", "to": ["ok", "{{ c"], "body": { "text": "{{ d | date: 'yyyy-%' }}" } }
            """);

        var problems = Templates.Validate(template);

        problems.Should().HaveCount(4);
        problems[0].Should().StartWith("subject: The expression '{{ a | nope }}' uses the unknown filter 'nope'");
        problems[1].Should().StartWith("subject: The expression '{{ b | upper: 1 }}' gives the filter 'upper' 1 argument(s)");
        problems[2].Should().Be("to[1]: The template '{{ c' has a '{{' without a closing '}}'.");
        problems[3].Should().StartWith("body.text: The expression '{{ d | date: 'yyyy-%' }}' gives date the format 'yyyy-%'");
    }

    [Fact]
    public void Validate_ProblemFoundByValidate_IsTheMessageRenderThrows()
    {
        const string template = "Hello {{ name | truncate: 3, 'x', 'y' }}";

        var act = () => TestScope.Render(template);

        act.Should().Throw<ExpressionException>().Which.Message.Should().Be(Templates.Validate(JsonValue.Create(template)).Single());
    }
}
