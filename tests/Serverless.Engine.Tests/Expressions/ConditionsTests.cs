using System.Text.Json.Nodes;
using Moq;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

public class ConditionsTests
{
    private static bool Eval(string conditionJson) =>
        Conditions.Evaluate(ConditionJsonConverter.FromNode(JsonNode.Parse(conditionJson)!), TestScope.Crm(), TestScope.Now);

    private static bool Compare(string path, string op, string? valueJson) =>
        Conditions.Evaluate(new Comparison(path, op, valueJson is null ? null : JsonNode.Parse(valueJson)), TestScope.Crm(), TestScope.Now);

    [Theory]
    [InlineData("organisation.pipeline_stage", "\"PROPOSITION\"", true)]
    [InlineData("organisation.pipeline_stage", "\"proposition\"", false)]
    [InlineData("organisation.montant_potentiel", "75000", true)]
    [InlineData("organisation.montant_potentiel", "75000.0", true)]
    [InlineData("organisation.montant_potentiel", "\"75000\"", true)]
    [InlineData("deal.montant", "12500.5", true)]
    [InlineData("organisation.active", "true", true)]
    [InlineData("organisation.active", "\"true\"", false)]
    [InlineData("organisation.manager", "null", true)]
    [InlineData("organisation.unknown_field", "null", true)]
    [InlineData("organisation.tags", "[\"vip\",\"paris\"]", true)]
    [InlineData("organisation.tags", "[\"paris\",\"vip\"]", false)]
    [InlineData("deal.items[0]", "{\"price\":1200,\"name\":\"audit\"}", true)]
    [InlineData("organisation.created_at", "\"2025-10-01T10:00:00+02:00\"", true)]
    [InlineData("organisation.closing_date", "\"2025-11-15T00:00:00Z\"", true)]
    public void Evaluate_Equal_IsTypeAware(string path, string value, bool expected)
    {
        Compare(path, "==", value).Should().Be(expected);
        Compare(path, "!=", value).Should().Be(!expected);
    }

    [Theory]
    [InlineData("organisation.montant_potentiel", ">", "50000", true)]
    [InlineData("organisation.montant_potentiel", ">", "75000", false)]
    [InlineData("organisation.montant_potentiel", ">=", "75000", true)]
    [InlineData("organisation.montant_potentiel", "<", "100000", true)]
    [InlineData("organisation.montant_potentiel", "<=", "74999.99", false)]
    [InlineData("deal.montant", ">", "9999", true)]
    [InlineData("deal.montant", "<", "100000", true)]
    [InlineData("organisation.created_at", "<", "\"2025-10-01T09:00:00+00:00\"", true)]
    [InlineData("organisation.created_at", ">", "\"2025-10-01T09:30:00+02:00\"", true)]
    [InlineData("organisation.closing_date", ">", "\"2025-11-14T23:59:59Z\"", true)]
    [InlineData("organisation.closing_date", "<=", "\"2025-11-15\"", true)]
    [InlineData("organisation.pipeline_stage", "<", "\"QUALIFICATION\"", true)]
    [InlineData("organisation.pipeline_stage", ">", "\"Z\"", false)]
    public void Evaluate_Ordering_ComparesNumbersDatesAndStrings(string path, string op, string value, bool expected)
    {
        Compare(path, op, value).Should().Be(expected);
    }

    [Theory]
    [InlineData("organisation.pipeline_stage", ">", "5")]
    [InlineData("organisation.pipeline_stage", "<=", "5")]
    [InlineData("organisation.tags", ">", "1")]
    [InlineData("organisation.manager", "<", "1")]
    [InlineData("organisation.missing", ">=", "null")]
    [InlineData("organisation.active", "<", "2")]
    [InlineData("organisation.created_at", "<", "20251001")]
    public void Evaluate_OrderingOfIncompatibleTypes_IsFalse(string path, string op, string value)
    {
        Compare(path, op, value).Should().BeFalse();
    }

    [Theory]
    [InlineData("organisation.nom", "\"Générale\"", true)]
    [InlineData("organisation.nom", "\"générale\"", false)]
    [InlineData("organisation.tags", "\"vip\"", true)]
    [InlineData("organisation.tags", "\"vi\"", false)]
    [InlineData("deal.items", "{\"name\":\"audit\",\"price\":1200}", true)]
    [InlineData("deal.items[0]", "\"price\"", true)]
    [InlineData("organisation.missing", "\"x\"", false)]
    [InlineData("organisation.montant_potentiel", "\"75\"", false)]
    [InlineData("trigger.body.user_email", "\"@alforis.fr\"", true)]
    public void Evaluate_Contains_SubstringElementOrKey(string path, string value, bool expected)
    {
        Compare(path, "contains", value).Should().Be(expected);
    }

    [Theory]
    [InlineData("organisation.pipeline_stage", "[\"PROPOSITION\",\"QUALIFICATION\"]", true)]
    [InlineData("deal.stage", "[\"PROPOSITION\",\"QUALIFICATION\"]", false)]
    [InlineData("organisation.montant_potentiel", "[1, 75000]", true)]
    [InlineData("organisation.missing", "[\"A\"]", false)]
    [InlineData("organisation.missing", "[null]", true)]
    [InlineData("organisation.pipeline_stage", "\"PROPOSITION\"", true)]
    [InlineData("organisation.pipeline_stage", "null", false)]
    public void Evaluate_InAndNotIn_AreMembershipAndItsOpposite(string path, string value, bool expected)
    {
        Compare(path, "in", value).Should().Be(expected);
        Compare(path, "not_in", value).Should().Be(!expected);
    }

    [Theory]
    [InlineData("organisation.nom", null, true)]
    [InlineData("organisation.nom", "true", true)]
    [InlineData("organisation.nom", "false", false)]
    [InlineData("organisation.manager", null, false)]
    [InlineData("organisation.missing", null, false)]
    [InlineData("organisation.missing", "false", true)]
    [InlineData("organisation.tags[1]", null, true)]
    public void Evaluate_Exists_IsPresentAndNotNull(string path, string? value, bool expected)
    {
        Compare(path, "exists", value).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_ExistsWithNonBooleanValue_ThrowsNamingTheCondition()
    {
        var act = () => Compare("organisation.nom", "exists", "\"yes\"");

        act.Should().Throw<ExpressionException>().WithMessage("*organisation.nom exists \"yes\"*true or false*");
    }

    [Fact]
    public void Evaluate_UnknownOperator_ThrowsNamingTheCondition()
    {
        var act = () => Compare("organisation.nom", "startswith", "\"S\"");

        act.Should().Throw<ExpressionException>()
            .Where(e => e.Expression == "organisation.nom startswith \"S\"")
            .WithMessage("*unknown operator 'startswith'*");
    }

    [Fact]
    public void Evaluate_ValueTemplate_IsRenderedSoTwoPathsCanBeCompared()
    {
        Compare("organisation.montant_potentiel", ">", "\"{{ limits.min }}\"").Should().BeTrue();
        Compare("organisation.pipeline_stage", "==", "\"{{ limits.stage }}\"").Should().BeTrue();
        Compare("organisation.closing_date", ">", "\"{{ now }}\"").Should().BeTrue();
        Compare("organisation.created_at", "<", "\"{{ -7 days }}\"").Should().BeTrue();
        Compare("organisation.created_at", "<", "\"{{ -30 days }}\"").Should().BeFalse();
    }

    [Fact]
    public void Evaluate_PathWrittenAsTemplate_IsRenderedWithFilters()
    {
        Compare("{{ organisation.pipeline_stage }}", "==", "\"PROPOSITION\"").Should().BeTrue();
        Compare("{{ organisation.nom | lower }}", "contains", "\"société\"").Should().BeTrue();
        Compare("{{ organisation.tags | length }}", ">=", "2").Should().BeTrue();
        Compare("{{ organisation.missing }}", "exists", null).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_TemplatesInsideArrayValue_AreRendered()
    {
        Compare("organisation.pipeline_stage", "in", "[\"SIGNE\", \"{{ limits.stage }}\"]").Should().BeTrue();
        Compare("deal.stage", "not_in", "[\"{{ limits.stage }}\"]").Should().BeTrue();
    }

    [Fact]
    public void Evaluate_MalformedPath_ThrowsNamingThePath()
    {
        var act = () => Compare("organisation..nom", "==", "\"x\"");

        act.Should().Throw<ExpressionException>().WithMessage("The path 'organisation..nom' is not valid*");
    }

    [Fact]
    public void Evaluate_SeedTemplateCondition_MatchesProposalStage()
    {
        Eval("""
            { "and": [
                { "path": "organisation.pipeline_stage", "op": "in", "value": ["PROPOSITION", "QUALIFICATION"] },
                { "or": [ { "path": "organisation.montant_potentiel", "op": ">", "value": 50000 },
                          { "path": "organisation.tags", "op": "contains", "value": "vip" } ] },
                { "not": { "path": "organisation.manager", "op": "exists" } } ] }
            """).Should().BeTrue();
    }

    [Theory]
    [InlineData("""{ "and": [ { "path": "organisation.active", "value": true }, { "path": "deal.stage", "value": "PERDU" } ] }""", false)]
    [InlineData("""{ "or": [ { "path": "organisation.active", "value": false }, { "path": "deal.stage", "value": "SIGNE" } ] }""", true)]
    [InlineData("""{ "or": [ { "path": "organisation.active", "value": false }, { "path": "deal.stage", "value": "PERDU" } ] }""", false)]
    [InlineData("""{ "not": { "path": "deal.stage", "op": "==", "value": "SIGNE" } }""", false)]
    [InlineData("""{ "and": [] }""", true)]
    [InlineData("""{ "or": [] }""", false)]
    public void Evaluate_LogicalCombinators_FollowAndOrNot(string json, bool expected)
    {
        Eval(json).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_AndStopsAtFirstFalse_DoesNotResolveLaterPaths()
    {
        var scope = new Mock<IExpressionScope>();
        JsonNode? stage = JsonValue.Create("PERDU");
        scope.Setup(s => s.TryResolve(It.Is<IReadOnlyList<string>>(p => p[0] == "deal"), out stage)).Returns(true);
        var condition = new AllCondition([
            new Comparison("deal.stage", "==", JsonValue.Create("SIGNE")),
            new Comparison("organisation.nom", "exists", null),
        ]);

        Conditions.Evaluate(condition, scope.Object, TestScope.Now).Should().BeFalse();

        scope.Verify(s => s.TryResolve(It.Is<IReadOnlyList<string>>(p => p[0] == "organisation"), out It.Ref<JsonNode?>.IsAny), Times.Never);
    }
}
