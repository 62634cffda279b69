using Serverless.Classification.Features;

namespace Serverless.Classification.Tests.Features;

public class TfIdfVectorizerTests
{
    private static readonly FeatureOptions WordsOnly = new() { CharNgramMin = 0, WordBigrams = false, MinDocumentFrequency = 1 };

    [Fact]
    public void Transform_AnyText_IsUnitLengthWithSortedIndices()
    {
        var vectorizer = TfIdfVectorizer.Fit(["facture en retard", "maquette de maison", "facture maison"], new FeatureOptions { MinDocumentFrequency = 1 });

        var vector = vectorizer.Transform("facture maison facture");

        vector.Values.Sum(v => v * v).Should().BeApproximately(1.0, 1e-12);
        vector.Indices.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Transform_RareWord_WeighsMoreThanCommonWord()
    {
        var vectorizer = TfIdfVectorizer.Fit(["plan maison", "plan bureau", "plan garage"], WordsOnly);

        var vector = vectorizer.Transform("plan garage");
        double Weight(string feature) => vector.Values[Array.IndexOf(vector.Indices, vectorizer.Vocabulary.ToList().IndexOf(feature))];

        Weight("w|garage").Should().BeGreaterThan(Weight("w|plan"));
    }

    [Fact]
    public void Transform_RepeatedWord_UsesSublinearTermFrequency()
    {
        var vectorizer = TfIdfVectorizer.Fit(["plan maison"], WordsOnly);

        var vector = vectorizer.Transform("plan plan plan plan maison");

        // Both words share the same idf, so their ratio is the tf ratio: (1 + ln 4) / 1.
        (vector.Values[1] / vector.Values[0]).Should().BeApproximately(1 + Math.Log(4), 1e-12);
    }

    [Fact]
    public void Fit_MinDocumentFrequency_DropsRareFeatures()
    {
        var vectorizer = TfIdfVectorizer.Fit(["plan maison", "plan bureau"], WordsOnly with { MinDocumentFrequency = 2 });

        vectorizer.Vocabulary.Should().Equal("w|plan");
    }

    [Fact]
    public void Transform_UnknownWordsOnly_GivesEmptyVector()
    {
        TfIdfVectorizer.Fit(["plan maison"], WordsOnly).Transform("zzz").Count.Should().Be(0);
    }
}
