namespace Serverless.Crm.Workflows;

/// <summary>One of the seed's ready-made workflows, in the seed's JSON (served by /templates/list).</summary>
public sealed record CrmWorkflowTemplate(string Id, string Json);

/// <summary>
/// The seed's three templates (WORKFLOW_TEMPLATES), written as the seed's JSON. They use the context fields
/// <c>organisation.*</c>, <c>deal.*</c>, <c>owner.*</c> (the commercial who owns the entity) and <c>manager.*</c>
/// (the owner's manager) that a CRM change event carries (docs/crm.md).
/// </summary>
public static class CrmWorkflowTemplates
{
    public const string RelanceDealInactifId = "relance-deal-inactif";
    public const string OnboardingNouveauClientId = "onboarding-nouveau-client";
    public const string AlerteManagerDeal50kId = "alerte-manager-deal-50k";

    /// <summary>Inactivité > 30 jours, pipeline_stage in [PROPOSITION, QUALIFICATION]: email, tâche, notification warning.</summary>
    public static readonly CrmWorkflowTemplate RelanceDealInactif = new(RelanceDealInactifId, """
    {
      "name": "Relance deal inactif (30 jours)",
      "description": "Relance automatique des organisations sans activité depuis 30 jours en phase de proposition ou de qualification",
      "trigger_type": "inactivity_delay",
      "trigger_config": { "inactivity_days": 30 },
      "conditions": {
        "operator": "AND",
        "rules": [
          { "field": "organisation.pipeline_stage", "operator": "in", "value": ["PROPOSITION", "QUALIFICATION"] }
        ]
      },
      "actions": [
        { "type": "send_email",
          "config": { "to": "{{owner.email}}", "subject": "Relance: {{organisation.nom}} inactif depuis 30 jours",
                      "body": "L'organisation {{organisation.nom}} n'a eu aucune activité depuis 30 jours. Pensez à la relancer." } },
        { "type": "create_task",
          "config": { "title": "Relancer client {{organisation.nom}}", "description": "Aucune activité depuis 30 jours",
                      "assigned_to": "{{owner.id}}", "due_date": "+3 days", "priority": "high" } },
        { "type": "send_notification",
          "config": { "user_id": "{{owner.id}}", "message": "{{organisation.nom}} est inactif depuis 30 jours", "type": "warning" } }
      ],
      "status": "INACTIVE",
      "is_template": true
    }
    """);

    /// <summary>Deal PROPOSITION -> SIGNÉ: email de bienvenue, tâches +3j et +1j, notification success au manager.</summary>
    public static readonly CrmWorkflowTemplate OnboardingNouveauClient = new(OnboardingNouveauClientId, """
    {
      "name": "Onboarding nouveau client",
      "description": "Accueil d'un client dont le deal passe de PROPOSITION à SIGNÉ",
      "trigger_type": "deal_stage_changed",
      "trigger_config": { "from_stage": "PROPOSITION", "to_stage": "SIGNÉ" },
      "actions": [
        { "type": "send_email",
          "config": { "to": "{{organisation.email}}", "subject": "Bienvenue chez Alforis Finance, {{organisation.nom}} !",
                      "template": "welcome_client" } },
        { "type": "create_task",
          "config": { "title": "Appel de bienvenue {{organisation.nom}}", "assigned_to": "{{owner.id}}", "due_date": "+3 days", "priority": "normal" } },
        { "type": "create_task",
          "config": { "title": "Envoyer documents {{organisation.nom}}", "assigned_to": "{{owner.id}}", "due_date": "+1 day", "priority": "high" } },
        { "type": "send_notification",
          "config": { "user_id": "{{manager.id}}", "message": "Nouveau client signé: {{organisation.nom}} ({{deal.montant}} €)", "type": "success" } }
      ],
      "status": "INACTIVE",
      "is_template": true
    }
    """);

    /// <summary>Organisation créée avec montant_potentiel > 50000: email au manager, notification info.</summary>
    public static readonly CrmWorkflowTemplate AlerteManagerDeal50k = new(AlerteManagerDeal50kId, """
    {
      "name": "Alerte manager deal > 50k€",
      "description": "Prévient le manager quand une organisation à fort potentiel est créée",
      "trigger_type": "organisation_created",
      "conditions": {
        "operator": "AND",
        "rules": [ { "field": "organisation.montant_potentiel", "operator": ">", "value": 50000 } ]
      },
      "actions": [
        { "type": "send_email",
          "config": { "to": "{{manager.email}}", "subject": "Deal > 50k€: {{organisation.nom}}",
                      "body": "Nouvelle organisation {{organisation.nom}} avec un potentiel de {{organisation.montant_potentiel}} €." } },
        { "type": "send_notification",
          "config": { "user_id": "{{manager.id}}", "message": "Opportunité {{organisation.nom}}: {{organisation.montant_potentiel}} €", "type": "info" } }
      ],
      "status": "INACTIVE",
      "is_template": true
    }
    """);

    public static IReadOnlyList<CrmWorkflowTemplate> All { get; } = [RelanceDealInactif, OnboardingNouveauClient, AlerteManagerDeal50k];
}
