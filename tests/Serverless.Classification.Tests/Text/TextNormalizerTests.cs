using Serverless.Classification.Text;

namespace Serverless.Classification.Tests.Text;

public class TextNormalizerTests
{
    [Fact]
    public void Normalize_AccentsCaseAndPunctuation_FoldsToPlainLowerWords()
    {
        TextNormalizer.Normalize("Objet: Modélisation 3D — ÉTÉ, cœur & «plans»!").Should().Be("objet modelisation 3d ete coeur plans");
    }

    [Fact]
    public void Tokenize_FrenchSentence_DropsStopWordsAndElisions()
    {
        TextNormalizer.Tokenize("Je n'arrive pas à me connecter à l'application depuis la mise à jour")
            .Should().Equal("arrive", "pas", "connecter", "application", "depuis", "mise", "jour");
    }

    [Fact]
    public void Tokenize_SingleDigit_IsKept()
    {
        TextNormalizer.Tokenize("immeuble R+2 en 3 D").Should().Equal("immeuble", "2", "3");
    }
}
