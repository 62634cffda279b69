using System.Text.Json.Nodes;
using Serverless.Crm.Data;

namespace Serverless.Crm.Api.Data;

/// <summary>The checks a body needs the store for: every id it gives (owner_id, assignee_id, manager_id,
/// organisation_id, entity {type, id}) names a record that exists, and a user's manager chain does not come back to
/// the user. Only the references the body gives are checked: one left dangling by a delete does not block other
/// changes of the record.</summary>
internal static class CrmReferenceChecks
{
    public static async Task CheckAsync(ICrmStore store, CrmInput input, string? selfId, CancellationToken cancellationToken)
    {
        foreach (var property in input.Resource.Properties)
        {
            if (!input.Values.TryGetValue(property.Name, out var value) || value is null)
            {
                continue;
            }

            var path = CrmProblems.Path("$", property.Name);
            if (property.Kind == CrmValueKind.Reference)
            {
                var id = value.GetValue<string>();
                if (!await ExistsAsync(store, property.References!, id, cancellationToken))
                {
                    input.Problems.Add(path, $"no {property.References} has the id '{id}'.");
                }
                else if (property.Name == "manager_id" && selfId is not null)
                {
                    await CheckManagerChainAsync(store, selfId, id, path, input.Problems, cancellationToken);
                }
            }
            else if (property.Kind == CrmValueKind.EntityRef && value is JsonObject entity)
            {
                var (type, id) = (entity["type"]!.GetValue<string>(), entity["id"]!.GetValue<string>());
                if (!await ExistsAsync(store, type, id, cancellationToken))
                {
                    input.Problems.Add(path + ".id", $"no {type} has the id '{id}'.");
                }
            }
        }
    }

    private static async Task<bool> ExistsAsync(ICrmStore store, string type, string id, CancellationToken cancellationToken) => type switch
    {
        "user" => await store.GetAsync<User>(id, cancellationToken) is not null,
        CrmEntityTypes.Organisation => await store.GetAsync<Organisation>(id, cancellationToken) is not null,
        CrmEntityTypes.Deal => await store.GetAsync<Deal>(id, cancellationToken) is not null,
        CrmEntityTypes.Person => await store.GetAsync<Person>(id, cancellationToken) is not null,
        _ => throw new ArgumentException($"'{type}' is not a record type a reference can name.", nameof(type)),
    };

    /// <summary>Walks up from the new manager: reaching the user again would make a loop (a new user cannot be in
    /// anyone's chain yet, so only an existing user is checked).</summary>
    private static async Task CheckManagerChainAsync(ICrmStore store, string selfId, string managerId, string path, CrmProblems problems, CancellationToken cancellationToken)
    {
        var chain = new List<string> { selfId };
        string? next = managerId;
        while (next is not null && !chain.Contains(next, StringComparer.Ordinal))
        {
            chain.Add(next);
            next = (await store.GetAsync<User>(next, cancellationToken))?.ManagerId;
        }

        if (next == selfId)
        {
            chain.Add(selfId);
            problems.Add(path, $"would make the manager chain loop: {string.Join(" -> ", chain)}.");
        }
    }
}
