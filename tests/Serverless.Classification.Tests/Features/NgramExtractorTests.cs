using Serverless.Classification.Features;

namespace Serverless.Classification.Tests.Features;

public class NgramExtractorTests
{
    [Fact]
    public void Count_TwoWords_GivesUnigramsBigramAndPaddedCharacterNgrams()
    {
        var counts = NgramExtractor.Count("Maquette BIM", new FeatureOptions());

        counts.Should().ContainKeys("w|maquette", "w|bim", "b|maquette bim", "c| bi", "c|bim ", "c| bim ", "c| maq", "c|tte ");
        counts.Keys.Should().NotContain(k => k.StartsWith("c|", StringComparison.Ordinal) && k.Contains("e b"),
            "character n-grams stay inside one word");
    }

    [Fact]
    public void Count_RepeatedWord_CountsEachOccurrence()
    {
        NgramExtractor.Count("plan plan plan", new FeatureOptions())["w|plan"].Should().Be(3);
    }

    [Fact]
    public void Count_CharacterNgramsDisabled_OnlyWordFeatures()
    {
        var counts = NgramExtractor.Count("modèle 3D", new FeatureOptions { CharNgramMin = 0 });

        counts.Keys.Should().BeEquivalentTo("w|modele", "w|3d", "b|modele 3d");
    }
}
