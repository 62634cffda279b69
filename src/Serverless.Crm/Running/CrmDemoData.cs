using Serverless.Crm.Data;

namespace Serverless.Crm.Running;

/// <summary>
/// A small CRM for trying the engine on a fresh host (Crm:DemoData, on in the embedded host): two users (a
/// commercial and her manager), organisation 1 "Alforis Demo" in PROPOSITION with montant_potentiel 80,000, and a
/// deal on it. Created only when the CRM has no organisation, with the integer ids the seed's curl examples use.
/// </summary>
public sealed class CrmDemoData(ICrmStore store)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if ((await store.ListAsync<Organisation>(cancellationToken: cancellationToken)).Count > 0)
        {
            return;
        }

        var manager = await store.CreateOnceAsync(new User { Id = await NextAsync("users", cancellationToken), Name = "Claire Martin", Email = "claire.martin@example.com" }, cancellationToken);
        var owner = await store.CreateOnceAsync(new User
        {
            Id = await NextAsync("users", cancellationToken), Name = "Julien Bernard", Email = "julien.bernard@example.com", ManagerId = manager.Record.Id,
        }, cancellationToken);
        var organisation = await store.CreateOnceAsync(new Organisation
        {
            Id = await NextAsync("organisations", cancellationToken),
            Name = "Alforis Demo",
            Email = "contact@alforis-demo.example",
            PipelineStage = "PROPOSITION",
            OwnerId = owner.Record.Id,
            Fields = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["montant_potentiel"] = 80000, ["type"] = "client" },
        }, cancellationToken);
        await store.CreateOnceAsync(new Deal
        {
            Id = await NextAsync("deals", cancellationToken),
            OrganisationId = organisation.Record.Id,
            Title = "Accompagnement patrimonial",
            Stage = "PROPOSITION",
            Amount = 80000m,
            Currency = "EUR",
            OwnerId = owner.Record.Id,
        }, cancellationToken);
    }

    private async Task<string> NextAsync(string sequence, CancellationToken cancellationToken) =>
        (await store.NextNumberAsync(sequence, cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
