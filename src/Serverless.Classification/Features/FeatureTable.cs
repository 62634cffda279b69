using System.Runtime.InteropServices;

namespace Serverless.Classification.Features;

/// <summary>
/// Feature name → index, looked up by a 64-bit fingerprint of the name in one open-addressing array: one cache miss
/// per n-gram instead of a dictionary's bucket, entry and string comparison. Built only when no two names of the
/// vocabulary share a fingerprint (<see cref="TryBuild"/>; otherwise the caller keeps its dictionary). An n-gram
/// outside the vocabulary could match a fingerprint by chance, with a probability of about vocabulary size / 2^64
/// (5e-15 for 100,000 features) per lookup.
/// </summary>
internal sealed class FeatureTable
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    private FeatureTable(Slot[] slots)
    {
        _slots = slots;
        _mask = slots.Length - 1;
    }

    public static FeatureTable? TryBuild(IReadOnlyList<string> names)
    {
        var capacity = 16;
        while (capacity < names.Count * 2)
        {
            capacity *= 2;
        }

        var table = new FeatureTable(new Slot[capacity]);
        for (var i = 0; i < names.Count; i++)
        {
            var key = Fingerprint(names[i]);
            var at = (int)key & table._mask;
            while (table._slots[at].Key != 0)
            {
                if (table._slots[at].Key == key)
                {
                    return null;
                }

                at = (at + 1) & table._mask;
            }

            table._slots[at] = new Slot(key, i);
        }

        return table;
    }

    public bool TryGetValue(ReadOnlySpan<char> name, out int index)
    {
        var key = Fingerprint(name);
        var at = (int)key & _mask;
        while (true)
        {
            var slot = _slots[at];
            if (slot.Key == key)
            {
                index = slot.Index;
                return true;
            }

            if (slot.Key == 0)
            {
                index = -1;
                return false;
            }

            at = (at + 1) & _mask;
        }
    }

    /// <summary>A fixed (unseeded) 64-bit hash of the characters, never 0 (0 marks an empty slot).</summary>
    internal static ulong Fingerprint(ReadOnlySpan<char> name)
    {
        var h = 0x243F6A8885A308D3UL ^ (ulong)name.Length;
        var blocks = MemoryMarshal.Cast<char, ulong>(name);
        foreach (var block in blocks)
        {
            h = Mix(h ^ block);
        }

        for (var i = blocks.Length * 4; i < name.Length; i++)
        {
            h = Mix(h ^ name[i]);
        }

        h ^= h >> 31;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 29;
        return h == 0 ? 1 : h;
    }

    private static ulong Mix(ulong h)
    {
        h *= 0x9E3779B97F4A7C15UL;
        return h ^ (h >> 32);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Slot(ulong Key, int Index);
}
