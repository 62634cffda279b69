using Microsoft.Extensions.Options;
using Serverless.Helpdesk.Rules;

namespace Serverless.Helpdesk.Tests.Rules;

public sealed class RulesFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("helpdesk-rules-").FullName;

    public RulesFileTests()
    {
        foreach (var file in Directory.GetFiles(RepositoryFolders.Rules))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    [Fact]
    public void ShippedRules_Load()
    {
        var (dates, triage, intents) = HelpdeskRules.Read(RepositoryFolders.Rules);

        dates.Cases.Select(c => c.Case).Should().BeEquivalentTo([1, 2, 3, 4, 5, 6, 7, 8]);
        dates.Cases.Where(c => c.Effect == DateCaseEffects.Stop).Select(c => c.Case).Should().BeEquivalentTo([2, 7]);
        dates.Cases.Single(c => c.Effect == DateCaseEffects.Reschedule).Case.Should().Be(8);
        triage.Actions.Select(a => a.Action).Should().BeEquivalentTo(TriageActions.All);
        triage.UberAmount.Should().Be(20m);
        intents.Labels.Select(l => l.Label).Should().Contain(["DEMANDE_CHANGEMENT_SESSION", "DEMANDE_DATES_FUTURES"]);
    }

    [Fact]
    public void JsonSyntaxError_NamesFileAndLine()
    {
        var path = Path.Combine(_folder, DateCaseRules.FileName);
        var lines = File.ReadAllLines(path).ToList();
        lines[5] = lines[5] + " oops";
        File.WriteAllLines(path, lines);

        var act = () => HelpdeskRules.Read(_folder);

        act.Should().Throw<RulesException>().Which.Message.Should().Contain($"{DateCaseRules.FileName}:6:").And.Contain("not valid JSON");
    }

    [Fact]
    public void WrongOperatorAndEffect_AreNamedByJsonPath_AllProblemsAtOnce()
    {
        var path = Path.Combine(_folder, DateCaseRules.FileName);
        var text = File.ReadAllText(path)
            .Replace("\"op\": \"<\", \"value\": 0 },", "\"op\": \"before\", \"value\": 0 },", StringComparison.Ordinal)
            .Replace("\"effect\": \"reschedule\"", "\"effect\": \"move\"", StringComparison.Ordinal);
        File.WriteAllText(path, text);

        var message = ((Action)(() => HelpdeskRules.Read(_folder))).Should().Throw<RulesException>().Which.Message;

        message.Should().Contain("$.cases[1].when").And.Contain("'before' is not an operator");
        message.Should().Contain("$.cases[3].effect").And.Contain("'move' is not an effect");
    }

    [Fact]
    public void UnknownTriageAction_IsRefused()
    {
        var path = Path.Combine(_folder, TriageRules.FileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"action\": \"GO\"", "\"action\": \"GOO\"", StringComparison.Ordinal));

        ((Action)(() => HelpdeskRules.Read(_folder))).Should().Throw<RulesException>()
            .Which.Message.Should().Contain("$.actions[4].action").And.Contain("'GOO' is not a triage action");
    }

    [Fact]
    public void MissingFile_NamesTheSetting()
    {
        File.Delete(Path.Combine(_folder, IntentRules.FileName));

        var rules = new HelpdeskRules(Options.Create(new HelpdeskOptions { RulesFolder = _folder }));

        ((Action)(() => _ = rules.Intents)).Should().Throw<RulesException>()
            .Which.Message.Should().Contain(IntentRules.FileName).And.Contain("Helpdesk:RulesFolder");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
