namespace Serverless.Runtime.Dispatch;

/// <summary>States of running instances kept between events, so the pump does not parse the state JSON it just
/// wrote. Only the pump thread touches it; the SQLite row stays the truth and any failed batch clears it.</summary>
internal sealed class InstanceCache(int capacity)
{
    private readonly Dictionary<string, InstanceEntry> entries = new(StringComparer.Ordinal);

    public bool TryGet(string instanceId, out InstanceEntry entry) => entries.TryGetValue(instanceId, out entry!);

    public void Put(string instanceId, InstanceEntry entry)
    {
        if (capacity == 0)
        {
            return;
        }

        if (entries.Count >= capacity && !entries.ContainsKey(instanceId))
        {
            // Rare (more running instances than the capacity): dropping everything is cheaper than tracking use order.
            entries.Clear();
        }

        entries[instanceId] = entry;
    }

    public void Remove(string instanceId) => entries.Remove(instanceId);

    public void Clear() => entries.Clear();
}
