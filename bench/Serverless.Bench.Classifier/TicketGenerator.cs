using System.Text;

namespace Serverless.Bench.Classifier;

/// <summary>
/// Deterministic synthetic helpdesk tickets in English, French, German and Spanish over ten labels: a greeting, one or
/// two sentences of the ticket's label (some words dropped), sometimes a sentence of another label, filler, a closing,
/// typos, and a share of wrong labels, as real ticket histories have. The same seed gives the same tickets.
/// </summary>
internal sealed class TicketGenerator(int seed, int labelCount = 10)
{
    // Spread the seeds over the state space: with state = seed * step, seed 3 would replay seed 1 two draws late.
    private ulong _state = unchecked((ulong)seed * 0xD1B54A32D192ED03UL);

    public double ConfuserRate { get; init; } = 0.35;

    public double LabelNoise { get; init; } = 0.04;

    public double TypoRate { get; init; } = 0.03;

    public List<(string Text, string Label)> Generate(int count)
    {
        var tickets = new List<(string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            tickets.Add(One());
        }

        return tickets;
    }

    private (string Text, string Label) One()
    {
        var label = Next(labelCount);
        var language = Next(TicketPhrases.Languages.Length);
        var text = new StringBuilder();
        Append(text, Pick(TicketPhrases.Greetings[language]));
        var signals = 1 + Next(2);
        for (var s = 0; s < signals; s++)
        {
            Append(text, Sentence(Pick(TicketPhrases.Signals[label][language]), dropRate: 0.2));
        }

        if (Chance(ConfuserRate))
        {
            var other = (label + 1 + Next(labelCount - 1)) % labelCount;
            Append(text, Sentence(Pick(TicketPhrases.Signals[other][language]), dropRate: 0.3));
        }

        var fillers = Next(4);
        for (var f = 0; f < fillers; f++)
        {
            Append(text, Pick(TicketPhrases.Fillers[language]));
        }

        Append(text, Pick(TicketPhrases.Closings[language]));
        var recorded = Chance(LabelNoise) ? Next(labelCount) : label;
        return (Typos(text.ToString()), TicketPhrases.Labels[recorded]);
    }

    private string Sentence(string sentence, double dropRate)
    {
        var words = sentence.Split(' ').Where(_ => !Chance(dropRate)).ToArray();
        var joined = string.Join(' ', words.Length == 0 ? sentence.Split(' ') : words);
        return char.ToUpperInvariant(joined[0]) + joined[1..] + (Chance(0.7) ? "." : "");
    }

    private string Typos(string text)
    {
        var chars = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetter(c) || !Chance(TypoRate))
            {
                chars.Append(c);
                continue;
            }

            switch (Next(3))
            {
                case 0: // dropped letter
                    break;
                case 1: // doubled letter
                    chars.Append(c).Append(c);
                    break;
                default: // swapped with the next letter
                    if (i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    {
                        chars.Append(text[i + 1]).Append(c);
                        i++;
                    }
                    else
                    {
                        chars.Append(c);
                    }

                    break;
            }
        }

        return chars.ToString();
    }

    private static void Append(StringBuilder text, string part)
    {
        if (part.Length > 0)
        {
            text.Append(text.Length > 0 ? " " : "").Append(part);
        }
    }

    private string Pick(string[] items) => items[Next(items.Length)];

    private bool Chance(double p) => Next(1_000_000) < p * 1_000_000;

    private int Next(int maxExclusive)
    {
        // SplitMix64, so the tickets do not depend on System.Random's implementation.
        var z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) % (ulong)maxExclusive);
    }
}
