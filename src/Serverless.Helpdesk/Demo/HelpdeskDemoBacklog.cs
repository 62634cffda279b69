using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Connectors.Zoho;
using Serverless.Helpdesk.ExamPortal;

namespace Serverless.Helpdesk.Demo;

/// <summary>
/// A backlog shaped like the seed's (a training school's DOC department), with dates relative to "today" so the
/// date rules always meet each case: twelve candidate patterns (a session change on a synchronised file, CAS 8 with
/// registrations closed, CAS 2 and 7 with the exam passed, a CMA refusal routed, an unknown sender, a repeated
/// Uber offer, ...) repeated with fresh ids up to the count asked. The same data fills the sandbox Zoho (the
/// embedded host's Helpdesk:DemoData), the fake Zoho servers of the tests and the benchmark.
/// </summary>
public sealed class HelpdeskDemoBacklog
{
    public const string Department = "34";

    private static readonly DemoCandidate[] Patterns =
    [
        new("John", "DOE", "Changement de session", "Bonjour, je voudrais changer de session pour une session en journée. Quelles sont les prochaines dates d'examen ? Merci", "Dossier Synchronisé", "D2", 1, true, "Dossier synchronisé"),
        new("Amina", "BENALI", "Inscription session examen du mois prochain", "Bonjour, je confirme ma session pour l'examen, je préfère les cours du soir après le travail. Cordialement", "Documents manquants", "D1", 0, true, "Documents manquants"),
        new("Karim", "HADDAD", "Mon examen", "Bonjour, où en est mon dossier ? Je n'ai pas eu de nouvelles pour mon examen.", "Dossier créé", "PAST", 0, true, "Dossier créé"),
        new("Julie", "MARTIN", "Résultat examen", "Bonjour, j'ai passé l'examen, quand aurai-je mon résultat ?", "Convoc CMA reçue", "PAST", 0, true, "Convocation envoyée"),
        new("Sofiane", "KACI", "Dossier refusé", "Bonjour, mon dossier a été refusé par la CMA, que dois-je faire ?", "Refusé CMA", "D2", 0, true, "Refusé"),
        new("Marc", "INCONNU", "Question", "Bonjour, je n'arrive pas à me connecter à mon espace, pouvez-vous m'aider ?", null, "NONE", 0, false, "Introuvable"),
        new("Nadia", "ROUSSEL", "Offre Uber 20€", "Bonjour, je voudrais bénéficier de l'offre Uber à 20 € pour la formation.", "Dossier Synchronisé", "D2", 2, true, "Dossier synchronisé"),
        new("Paul", "LEROY", "Dates d'examen", "Bonjour, quelles sont les prochaines dates d'examen disponibles ?", "Dossier créé", "NONE", 1, true, "Dossier créé"),
        new("Lina", "MOREAU", "Statut de mon dossier", "Bonjour, où en est mon dossier ? Il a été validé ?", "VALIDE CMA", "D2", 1, true, "Validé"),
        new("Hugo", "FAURE", "Convocation", "Bonjour, je n'ai toujours pas reçu ma convocation, c'est inadmissible.", "Convoc CMA reçue", "D2", 1, true, "Convocation envoyée"),
        new("Emma", "GIRARD", "Documents", "Bonjour, je vous envoie ci-joint mon justificatif de domicile.", "Documents manquants", "D2", 1, true, "Documents manquants"),
        new("Yanis", "PETIT", "Changer de session", "Bonjour, est-ce possible de changer de session ? Je préfère le soir.", "Dossier Synchronisé", "D3", 1, true, "Dossier synchronisé"),
    ];

    private readonly DateOnly _today;

    public HelpdeskDemoBacklog(DateOnly today, int count = 12)
    {
        _today = today;
        Build(count);
    }

    public List<(ZohoDeskTicket Ticket, IReadOnlyList<ZohoDeskThread> Threads)> Tickets { get; } = [];

    /// <summary>CRM records by module (HelpdeskCrmFields' default API names).</summary>
    public List<(string Module, JsonObject Record)> Records { get; } = [];

    public Dictionary<string, ExamPortalFile> PortalFiles { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void FillSandbox(ZohoSandboxData zoho, ExamPortalSandboxData portal)
    {
        ArgumentNullException.ThrowIfNull(zoho);
        ArgumentNullException.ThrowIfNull(portal);
        foreach (var (ticket, threads) in Tickets)
        {
            zoho.Add(ticket, threads);
        }

        foreach (var (module, record) in Records)
        {
            zoho.Add(module, new ZohoRecord(record["id"]!.GetValue<string>(), (JsonObject)record.DeepClone()));
        }

        foreach (var (email, file) in PortalFiles)
        {
            portal.Files[email] = file;
        }
    }

    private void Build(int count)
    {
        var dates = new Dictionary<string, (string Id, int Exam, int Closing)>
        {
            ["PAST"] = ("1456177000000900001", -20, -40),
            ["D1"] = ("1456177000000900002", 10, -3),
            ["D2"] = ("1456177000000900003", 40, 20),
            ["D3"] = ("1456177000000900004", 70, 50),
            ["D4"] = ("1456177000000900005", 100, 80),
        };
        foreach (var (_, (id, exam, closing)) in dates)
        {
            var day = Day(exam);
            Records.Add(("Dates_Examens_VTC_TAXI", new JsonObject
            {
                ["id"] = id,
                ["Name"] = $"{Department}_{day}",
                ["Date_Examen"] = day,
                ["Date_Cloture_Inscription"] = Day(closing),
                ["Departement"] = Department,
            }));
        }

        (string Id, string Name, string Type, int Start, int End)[] sessions =
        [
            ("1456177000000800001", "Session jour A", "jour", 5, 9),
            ("1456177000000800002", "Session soir A", "soir", 5, 16),
            ("1456177000000800003", "Session jour B", "jour", 30, 34),
            ("1456177000000800004", "Session soir B", "soir", 30, 41),
        ];
        foreach (var s in sessions)
        {
            Records.Add(("Sessions", new JsonObject
            {
                ["id"] = s.Id,
                ["Name"] = s.Name,
                ["Type_de_cours"] = s.Type,
                ["Date_debut"] = Day(s.Start),
                ["Date_fin"] = Day(s.End),
            }));
        }

        var now = new DateTimeOffset(_today.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var p = Patterns[i % Patterns.Length];
            var n = i + 1;
            var ticketId = (198709000449000000L + n).ToString(CultureInfo.InvariantCulture);
            var email = $"{p.FirstName.ToLowerInvariant()}.{p.LastName.ToLowerInvariant()}{(i < Patterns.Length ? "" : n.ToString(CultureInfo.InvariantCulture))}@example.com";
            var created = now.AddMinutes(-10 * n);
            var ticket = new ZohoDeskTicket(ticketId, (10000 + n).ToString(CultureInfo.InvariantCulture), p.Subject, "Open", "198709000025523146",
                email, $"{p.FirstName} {p.LastName}", created, p.Message);
            var threads = new List<ZohoDeskThread>
            {
                new($"{ticketId}1", "EMAIL", "SUCCESS", "in", email, "doc@example.com", created, p.Message[..Math.Min(p.Message.Length, 100)], $"<div>{System.Net.WebUtility.HtmlEncode(p.Message)}</div>", "html"),
            };
            Tickets.Add((ticket, threads));
            if (!p.InCrm)
            {
                continue;
            }

            var (dateId, examOffset, _) = dates.GetValueOrDefault(p.ExamKey, (null!, 0, 0));
            for (var d = 0; d < Math.Max(1, p.UberDeals); d++)
            {
                var deal = new JsonObject
                {
                    ["id"] = (1456177001000000L + 10 * n + d).ToString(CultureInfo.InvariantCulture),
                    ["Deal_Name"] = $"BFS NP {p.FirstName} {p.LastName}",
                    ["Stage"] = d == 0 ? "GAGNÉ" : "Fermé perdu",
                    ["Amount"] = p.UberDeals > 0 ? 20 : 1290,
                    ["Evalbox"] = p.Evalbox,
                    ["Email"] = email,
                    ["Date_examen_VTC"] = dateId is null ? null : new JsonObject { ["name"] = $"{Department}_{Day(examOffset)}", ["id"] = dateId },
                    ["Session1"] = new JsonObject { ["name"] = sessions[0].Name, ["id"] = sessions[0].Id },
                };
                Records.Add(("Deals", deal));
            }

            PortalFiles[email] = new ExamPortalFile(p.PortalStatus, (12345 + n).ToString("00000000", CultureInfo.InvariantCulture), 5,
                [], CredentialsValid: true);
        }
    }

    private string Day(int offset) => _today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
