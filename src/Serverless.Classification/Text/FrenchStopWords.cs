namespace Serverless.Classification.Text;

/// <summary>French function words, in folded form (lower case, no accents), removed before n-grams are built.</summary>
/// <remarks>
/// Negations ("pas", "plus", "rien") and verbs such as "faire" are deliberately kept: "ne fonctionne pas" and
/// "faire modeliser" carry the signal the classifier needs.
/// </remarks>
public static class FrenchStopWords
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "ai", "aie", "as", "au", "aux", "avec", "avez", "avons", "ayant", "c", "ca", "ce", "ceci", "cela",
        "celle", "celles", "celui", "ces", "cet", "cette", "chez", "d", "dans", "de", "des", "donc", "dont", "du",
        "elle", "elles", "en", "es", "est", "et", "etaient", "etais", "etait", "ete", "etes", "etre", "eu", "eux",
        "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais", "me", "meme",
        "mes", "moi", "mon", "n", "ne", "ni", "nos", "notre", "nous", "on", "ont", "or", "ou", "par", "pour",
        "qu", "que", "quel", "quelle", "quelles", "quels", "qui", "s", "sa", "se", "ses", "si", "son", "sont",
        "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y",
    };

    public static bool Contains(string foldedToken) => All.Contains(foldedToken);
}
