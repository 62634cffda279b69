using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

public class TemplatesRenderTests
{
    [Fact]
    public void Render_SingleExpressionOfNumber_KeepsNumberType()
    {
        var result = TestScope.Render("{{ organisation.montant_potentiel }}");

        result!.GetValueKind().Should().Be(JsonValueKind.Number);
        result.GetValue<int>().Should().Be(75000);
    }

    [Fact]
    public void Render_SingleExpressionWithSurroundingWhitespace_KeepsObjectType()
    {
        var result = TestScope.Render("  {{deal.items[0]}}\n");

        result.Should().BeOfType<JsonObject>();
        result!.ToJsonString().Should().Be("""{"name":"audit","price":1200}""");
    }

    [Fact]
    public void Render_SingleExpressionOfBooleanAndArray_KeepsTypes()
    {
        TestScope.Render("{{ organisation.active }}")!.GetValueKind().Should().Be(JsonValueKind.True);
        TestScope.Render("{{ organisation.tags }}")!.ToJsonString().Should().Be("""["vip","paris"]""");
    }

    [Fact]
    public void Render_SingleExpressionOfMissingPath_IsNull()
    {
        TestScope.Render("{{ organisation.does_not_exist.deeper }}").Should().BeNull();
        TestScope.Render("{{ deal.items[9].name }}").Should().BeNull();
    }

    [Fact]
    public void Render_MixedText_RendersEachKindAsText()
    {
        var result = TestScope.RenderText(
            "Nouvelle organisation: {{organisation.nom}} ({{ organisation.montant_potentiel }} €, actif={{organisation.active}}, manager='{{organisation.manager}}', absent='{{nope}}', tags={{organisation.tags}}, item={{deal.items[1]}})");

        result.Should().Be(
            "Nouvelle organisation: Société Générale Études (75000 €, actif=true, manager='', absent='', tags=[\"vip\",\"paris\"], item={\"name\":\"conseil\",\"price\":800})");
    }

    [Fact]
    public void Render_MixedTextWithDecimal_UsesInvariantCultureWhateverTheCurrentCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            Templates.Render("x={{ 1.5 }}", TestScope.Crm(), TestScope.Now)!.GetValue<string>().Should().Be("x=1.5");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Render_TwoExpressionsWithoutText_RendersString()
    {
        var result = TestScope.Render("{{ trigger.body.count }}{{ trigger.body.count }}");

        result!.GetValueKind().Should().Be(JsonValueKind.String);
        result.GetValue<string>().Should().Be("33");
    }

    [Fact]
    public void Render_PlainString_IsReturnedUnchanged()
    {
        TestScope.RenderText("Une nouvelle organisation a été créée.").Should().Be("Une nouvelle organisation a été créée.");
    }

    [Fact]
    public void Render_Tree_RendersNestedStringsButNotPropertyNames()
    {
        var template = JsonNode.Parse("""
            { "to": ["{{ trigger.body.user_email }}", "admin@example.com"],
              "{{ organisation.nom }}": "kept key",
              "subject": "Nouvelle organisation: {{organisation.nom}}",
              "amount": "{{ organisation.montant_potentiel }}",
              "priority": 2, "urgent": false, "none": null,
              "nested": { "deep": [{ "stage": "{{ organisation.pipeline_stage | lower }}" }] } }
            """);

        var result = Templates.Render(template, TestScope.Crm(), TestScope.Now);

        var expected = JsonNode.Parse("""
            {"to":["jean@alforis.fr","admin@example.com"],"{{ organisation.nom }}":"kept key",
             "subject":"Nouvelle organisation: Société Générale Études","amount":75000,"priority":2,"urgent":false,
             "none":null,"nested":{"deep":[{"stage":"proposition"}]}}
            """);
        JsonNode.DeepEquals(result, expected).Should().BeTrue(result!.ToJsonString());
    }

    [Fact]
    public void Render_Tree_LeavesTemplateAndScopeUntouchedAndDetached()
    {
        var roots = JsonNode.Parse(TestScope.CrmJson)!.AsObject();
        var scope = new ObjectScope(roots);
        var template = JsonNode.Parse("""{ "org": "{{ organisation }}", "items": ["{{ deal.items }}"] }""");
        var before = template!.ToJsonString();

        var result = Templates.Render(template, scope, TestScope.Now)!.AsObject();
        result["org"]!["nom"] = "changed";
        result["items"]![0]!.AsArray().Clear();

        template.ToJsonString().Should().Be(before);
        roots["organisation"]!["nom"]!.GetValue<string>().Should().Be("Société Générale Études");
        roots["deal"]!["items"]!.AsArray().Should().HaveCount(2);
        result.Parent.Should().BeNull();
    }

    [Fact]
    public void Render_NonStringRoot_ReturnsAClone()
    {
        var template = JsonValue.Create(42);

        var result = Templates.Render(template, TestScope.Crm(), TestScope.Now);

        result.Should().NotBeSameAs(template);
        result!.GetValue<int>().Should().Be(42);
        Templates.Render((JsonNode?)null, TestScope.Crm(), TestScope.Now).Should().BeNull();
    }

    [Theory]
    [InlineData("{{ 'texte' }}", "\"texte\"")]
    [InlineData("{{ \"double\" }}", "\"double\"")]
    [InlineData("{{ 42 }}", "42")]
    [InlineData("{{ -3.25 }}", "-3.25")]
    [InlineData("{{ true }}", "true")]
    [InlineData("{{ false }}", "false")]
    [InlineData("{{ 'a }} b' }}", "\"a }} b\"")]
    public void Render_Literal_YieldsTypedValue(string template, string expectedJson)
    {
        TestScope.Render(template)!.ToJsonString().Should().Be(expectedJson);
    }

    [Fact]
    public void Render_EscapedQuoteInLiteral_IsUnescaped()
    {
        TestScope.RenderText("{{ 'it\\'s' }}").Should().Be("it's");
        TestScope.RenderText("{{ \"say \\\"hi\\\"\" }}").Should().Be("say \"hi\"");
    }

    [Fact]
    public void Render_NullLiteral_IsNull()
    {
        TestScope.Render("{{ null }}").Should().BeNull();
    }

    [Theory]
    [InlineData("{{ deal.items[1].name }}", "conseil")]
    [InlineData("{{ deal.items.1.name }}", "conseil")]
    [InlineData("{{ headers[\"x-request-id\"] }}", "abc")]
    [InlineData("{{ headers.x-request-id }}", "abc")]
    public void Render_PathForms_ResolveTheSameValue(string template, string expected)
    {
        TestScope.RenderText(template).Should().Be(expected);
    }

    [Fact]
    public void Render_Now_IsIsoUtcRoundTripText()
    {
        var now = new DateTimeOffset(2025, 10, 18, 12, 30, 0, TimeSpan.FromHours(2));

        Templates.Render("{{ now }}", TestScope.Crm(), now)!.GetValue<string>().Should().Be("2025-10-18T10:30:00.0000000+00:00");
    }

    [Fact]
    public void Render_PathNamedLikeKeywordWithSegments_IsAPath()
    {
        var scope = TestScope.From("""{ "now": { "label": "maintenant" } }""");

        Templates.Render("{{ now.label }}", scope, TestScope.Now)!.GetValue<string>().Should().Be("maintenant");
    }
}
