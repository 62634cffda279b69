using System.Collections.Concurrent;

namespace Serverless.Connectors.Zoho;

/// <summary>What the sandbox Zoho Desk and CRM answer reads with: empty unless a feature fills it (the helpdesk
/// slice puts its demo backlog here when Helpdesk:DemoData is on). Writes never change it: the sandbox records them.</summary>
public sealed class ZohoSandboxData
{
    public ConcurrentDictionary<string, ZohoDeskTicket> Tickets { get; } = new();

    /// <summary>Threads by ticket id, oldest first.</summary>
    public ConcurrentDictionary<string, IReadOnlyList<ZohoDeskThread>> Threads { get; } = new();

    /// <summary>CRM records by module API name, then by id.</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<string, ZohoRecord>> Records { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string module, ZohoRecord record) =>
        Records.GetOrAdd(module, _ => new ConcurrentDictionary<string, ZohoRecord>())[record.Id] = record;

    public void Add(ZohoDeskTicket ticket, IReadOnlyList<ZohoDeskThread> threads)
    {
        Tickets[ticket.Id] = ticket;
        Threads[ticket.Id] = threads;
    }
}
