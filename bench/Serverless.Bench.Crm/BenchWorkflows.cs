using System.Text.Json.Nodes;

namespace Serverless.Bench.Crm;

/// <summary>
/// The seed JSON of the benchmark's workflows. The changes the benchmark makes are deal stage moves along the cycle
/// <see cref="Stages"/> (S0 -> S1 -> ... -> S5 -> S0) and organisation updates, so exactly these workflows start:
/// on crm.deal.stage_changed the one whose from/to is the move (conditions true: SUCCESS), on crm.deal.updated the
/// "big deal" one (conditions false: SKIPPED), on crm.organisation.updated the "qualified" one (SUCCESS) and the
/// "lost" one (SKIPPED). Every other workflow has a stage pair never moved along, or sits on a channel an update
/// never publishes (created, inactivity, manual). Every action writes a task, a notification or an activity: none
/// writes an organisation or a deal, so nothing re-triggers.
/// </summary>
internal static class BenchWorkflows
{
    public static readonly string[] Stages = ["PROSPECT", "QUALIFICATION", "PROPOSITION", "NEGOCIATION", "SIGNE", "PERDU_TEMP"];

    /// <summary>The cycle's 6 stage moves, the big-deal one, the two organisation ones.</summary>
    public const int Core = 9;

    /// <summary>The e2e set: <see cref="Core"/> first, then fillers (the 24 stage pairs never moved along, then
    /// organisation_created, deal_created, inactivity_delay, manual and unknown-stage pairs in turn).</summary>
    public static List<JsonObject> EndToEnd(int count)
    {
        if (count < Core)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"--workflows must be at least {Core}.");
        }

        var all = new List<JsonObject>();
        for (var i = 0; i < Stages.Length; i++)
        {
            all.Add(StageChanged(Stages[i], Stages[(i + 1) % Stages.Length]));
        }

        all.Add(DealUpdatedBig());
        all.Add(OrganisationQualified());
        all.Add(OrganisationLost());
        foreach (var from in Stages)
        {
            foreach (var to in Stages)
            {
                if (from != to && Array.IndexOf(Stages, to) != (Array.IndexOf(Stages, from) + 1) % Stages.Length && all.Count < count)
                {
                    all.Add(StageChanged(from, to));
                }
            }
        }

        for (var k = 0; all.Count < count; k++)
        {
            all.Add((k % 5) switch
            {
                0 => OrganisationCreated(k),
                1 => DealCreated(k),
                2 => Inactivity(k),
                3 => Manual(k),
                _ => StageChanged("ARCHIVE_" + k, "RESTORED_" + k),
            });
        }

        return all;
    }

    public static JsonObject StageChanged(string from, string to) => Workflow(
        $"Deal {from} -> {to}", "deal_stage_changed", new JsonObject { ["from_stage"] = from, ["to_stage"] = to },
        And(Rule("deal.amount", ">=", 1000), Or(Rule("organisation.pipeline_stage", "in", new JsonArray("QUALIFICATION", "PROPOSITION")), Rule("deal.currency", "==", "USD"))));

    public static JsonObject DealUpdatedBig() => Workflow(
        "Gros deal modifié", "deal_updated", null,
        Or(Rule("deal.amount", ">", 10_000_000), Rule("deal.tags", "contains", "vip")));

    public static JsonObject OrganisationQualified() => Workflow(
        "Organisation qualifiée modifiée", "organisation_updated", null,
        And(Rule("organisation.pipeline_stage", "==", "QUALIFICATION"), Or(Rule("organisation.segment", "in", new JsonArray("pme", "eti")), Rule("organisation.email", "contains", "@"))));

    public static JsonObject OrganisationLost() => Workflow(
        "Organisation perdue modifiée", "organisation_updated", null,
        And(Rule("organisation.pipeline_stage", "==", "PERDU"), Rule("organisation.segment", "!=", "grand-compte")));

    public static JsonObject OrganisationCreated(int k) => Workflow(
        $"Nouvelle organisation {k}", "organisation_created", null, And(Rule("organisation.montant_potentiel", ">", 50_000 + k)));

    public static JsonObject DealCreated(int k) => Workflow(
        $"Nouveau deal {k}", "deal_created", null, And(Rule("deal.amount", ">", 10_000 + k), Rule("deal.currency", "==", "EUR")));

    public static JsonObject Inactivity(int k) => Workflow(
        $"Relance inactivité {k}", "inactivity_delay", new JsonObject { ["inactivity_days"] = 30 + k, ["entity_type"] = k % 2 == 0 ? "organisation" : "deal" },
        And(Rule("organisation.pipeline_stage", "in", new JsonArray("PROPOSITION", "QUALIFICATION"))));

    public static JsonObject Manual(int k) => Workflow($"Manuel {k}", "manual", null, null);

    public static JsonObject DealUpdated(int k, double threshold) => Workflow(
        $"Deal modifié {k}", "deal_updated", null, And(Rule("deal.amount", ">", threshold)));

    public static JsonObject OrganisationUpdated(int k) => Workflow(
        $"Organisation modifiée {k}", "organisation_updated", null, And(Rule("organisation.segment", "==", "segment-" + k)));

    private static JsonObject Workflow(string name, string trigger, JsonObject? config, JsonObject? conditions)
    {
        var json = new JsonObject
        {
            ["name"] = name,
            ["description"] = "Benchmark workflow",
            ["trigger_type"] = trigger,
            ["actions"] = Actions(),
            ["status"] = "DRAFT",
        };
        if (config is not null)
        {
            json["trigger_config"] = config;
        }

        if (conditions is not null)
        {
            json["conditions"] = conditions;
        }

        return json;
    }

    private static JsonArray Actions() =>
    [
        new JsonObject
        {
            ["type"] = "create_task",
            ["config"] = new JsonObject { ["title"] = "Suivre {{trigger_entity_type}} {{trigger_entity_id}}", ["assigned_to"] = "{{owner.id}}", ["due_date"] = "+3 days", ["priority"] = "normal" },
        },
        new JsonObject
        {
            ["type"] = "send_notification",
            ["config"] = new JsonObject { ["user_id"] = "{{manager.id}}", ["title"] = "CRM", ["message"] = "{{trigger_entity_type}} {{trigger_entity_id}} modifié par {{owner.name}}", ["type"] = "info" },
        },
        new JsonObject
        {
            ["type"] = "create_activity",
            ["config"] = new JsonObject { ["type"] = "note", ["title"] = "Workflow exécuté", ["description"] = "Événement {{event_id}}" },
        },
    ];

    private static JsonObject And(params JsonNode[] rules) => new() { ["operator"] = "AND", ["rules"] = new JsonArray(rules) };

    private static JsonObject Or(params JsonNode[] rules) => new() { ["operator"] = "OR", ["rules"] = new JsonArray(rules) };

    private static JsonObject Rule(string field, string op, JsonNode? value) => new() { ["field"] = field, ["operator"] = op, ["value"] = value };
}
