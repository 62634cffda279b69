using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Engine.Expressions;

namespace Serverless.Crm.Activities;

/// <summary>"Crm:EmailTemplates:{name}": the body of a named email template (send_email's "template"), written
/// with the seed's variables ({{organisation.nom}}, {{owner.name}}...). Settings add templates or replace the
/// built-in ones.</summary>
public sealed class CrmEmailTemplateOptions
{
    public Dictionary<string, string> EmailTemplates { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// The email templates send_email's "template" names. Built in: welcome_client (the seed's onboarding template uses
/// it). A template is rendered against the run's context (the seed's variables), with our template language, when
/// the step runs: pure text substitution, no I/O.
/// </summary>
public sealed class CrmEmailTemplates(IOptions<CrmEmailTemplateOptions> options)
{
    public static IReadOnlyDictionary<string, string> BuiltIn { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["welcome_client"] = """
            Bonjour {{organisation.nom}},

            Bienvenue chez Alforis Finance ! Nous sommes ravis de vous compter parmi nos clients.
            {{owner.name}}, votre interlocuteur, vous appellera dans les prochains jours pour faire connaissance
            et vous envoyer les documents d'ouverture.

            À très bientôt,
            L'équipe Alforis Finance
            """,
    };

    public IReadOnlyCollection<string> Names =>
        [.. BuiltIn.Keys.Union(options.Value.EmailTemplates.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The rendered body; null when no template has that name.</summary>
    public string? Render(string name, JsonObject context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = options.Value.EmailTemplates.TryGetValue(name, out var configured) ? configured : BuiltIn.GetValueOrDefault(name);
        return text is null ? null : Templates.Render(text, new ObjectScope(context), now)?.ToString();
    }
}
