using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Helpdesk.Replies;
using Serverless.Helpdesk.Rules;

namespace Serverless.Helpdesk.Tests.Replies;

public sealed class TemplateCheckTests
{
    private static readonly IReadOnlySet<string> Partials = new HashSet<string>(["signature", "intentions/confirmation_session"]);
    private static readonly IReadOnlySet<string> Labels = new HashSet<string>(["DEMANDE_CHANGEMENT_SESSION"]);

    [Fact]
    public void ShippedTemplates_PassTheCheck_AndLoad()
    {
        var rules = new HelpdeskRules(Options.Create(RepositoryFolders.Options()));

        var templates = ReplyTemplates.Load(RepositoryFolders.Templates, rules);

        templates.Keys.Should().Contain(["reply", "clarification", "notes/exam-date-passed", "notes/route", "notes/duplicate-uber"]);
    }

    [Fact]
    public void UnknownVariable_IsReportedWithFileLineAndClosestName()
    {
        var problems = TemplateCheck.Problems("reply.hbs", "<p>Bonjour {{prenom}},</p>\n{{#if deadline_passed_reschedule}}\n{{new_exam_dat}}\n{{/if}}", Partials, Labels);

        problems.Should().ContainSingle().Which.Should().Be("reply.hbs:3: 'new_exam_dat' is not a template variable — did you mean 'new_exam_date'?");
    }

    [Theory]
    [InlineData("{{> signatur}}", "the partial 'signatur' does not exist — did you mean 'signature'?")]
    [InlineData("{{#if is_complaint}}x", "the block '{{#if}}' is never closed")]
    [InlineData("{{#if is_complaint}}x{{/each}}", "closes a block that is not open")]
    [InlineData("{{#if handles.DEMANDE_CHANGEMENT_SESION}}x{{/if}}", "'handles.DEMANDE_CHANGEMENT_SESION' names no intent label")]
    public void StructuralProblems_AreReported(string source, string expected) =>
        TemplateCheck.Problems("t.hbs", source, Partials, Labels).Should().Contain(p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void InsideEach_ItemFieldsAreKnown_AndRootNeedsPrefix()
    {
        const string source = "{{#each sessions_proposees}}{{nom}} {{debut}} {{@root.prenom}} {{prenom}}{{/each}}";

        TemplateCheck.Problems("t.hbs", source, Partials, Labels).Should().ContainSingle().Which.Should().Contain("'prenom' is not a template variable");
    }

    [Fact]
    public void BrokenTemplate_StopsLoading_NamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("helpdesk-templates-").FullName;
        try
        {
            CopyFolder(RepositoryFolders.Templates, folder);
            File.AppendAllText(Path.Combine(folder, "reply.hbs"), "\n{{candidat_nom}}\n");
            var rules = new HelpdeskRules(Options.Create(RepositoryFolders.Options()));

            var act = () => ReplyTemplates.Load(folder, rules);

            act.Should().Throw<RulesException>().Which.Message.Should().Contain("reply.hbs:").And.Contain("'candidat_nom' is not a template variable");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Cas8Block_RendersTheSeedsWording_AndEscapesValues()
    {
        var options = Options.Create(RepositoryFolders.Options());
        var templates = new ReplyTemplates(options, new HelpdeskRules(options));
        var vars = new JsonObject
        {
            ["prenom"] = "<b>Amina</b>",
            ["deadline_passed_reschedule"] = true,
            ["original_exam_date"] = "24/02/2026",
            ["new_exam_date"] = "31/03/2026",
            ["new_exam_date_cloture"] = "10/03/2026",
            ["has_sessions_proposees"] = true,
            ["session_preference"] = "soir",
            ["sessions_proposees"] = new JsonArray(new JsonObject { ["nom"] = "Session soir A", ["debut"] = "02/03/2026", ["fin"] = "13/03/2026", ["type"] = "soir" }),
            ["intents_handled"] = new JsonArray("CONFIRMATION_SESSION"),
            ["handles"] = new JsonObject { ["CONFIRMATION_SESSION"] = true },
        };

        var html = templates.Render("reply", vars);

        html.Should().Contain("La date limite d'inscription pour l'examen du 24/02/2026 est dépassée.");
        html.Should().Contain("Vous êtes automatiquement repositionné(e) sur l'examen du 31/03/2026 (clôture: 10/03/2026).");
        html.Should().Contain("Session soir A : du 02/03/2026 au 13/03/2026 (soir)");
        html.Should().Contain("Bonjour &lt;b&gt;Amina&lt;/b&gt;").And.NotContain("<b>Amina</b>");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
