using System.Text;
using Serverless.Classification.Model;
using Serverless.Classification.Training;

namespace Serverless.Classification.Tests.Model;

public class ModelSerializationTests
{
    [Fact]
    public void SaveThenLoad_GivesBitIdenticalProbabilities()
    {
        var original = TextClassifierTrainer.Train(ToyData.ThreeLabels, ToyData.Options);
        using var stream = new MemoryStream();
        original.Save(stream);
        stream.Position = 0;

        var loaded = TextClassifier.Load(stream);

        foreach (var text in new[] { "panne urgente", "facture cette semaine", "idée", "texte sans rapport", "" })
        {
            loaded.Predict(text).Probabilities.Should().Equal(original.Predict(text).Probabilities);
        }

        loaded.Metadata.Should().Be(original.Metadata);
    }

    [Fact]
    public void Save_WritesFormatAndVersionFirst()
    {
        using var stream = new MemoryStream();
        TextClassifierTrainer.Train(ToyData.TwoLabels, ToyData.Options).Save(stream);

        Encoding.UTF8.GetString(stream.ToArray()).Should().StartWith("{\"format\":\"serverless-text-classifier\",\"version\":2,");
    }

    [Fact]
    public void Load_Version1File_StillPredictsWithItsOwnFeatureSettings()
    {
        // A version 1 file as the L-BFGS trainer wrote it: double weights, one array per label, no newer feature settings.
        const string json = "{\"format\":\"serverless-text-classifier\",\"version\":1,\"labels\":[\"A\",\"B\"],"
            + "\"features\":{\"wordUnigrams\":true,\"wordBigrams\":false,\"charNgramMin\":0,\"charNgramMax\":5,\"minDocumentFrequency\":1},"
            + "\"metadata\":{\"trainingExamples\":4,\"seed\":42,\"l2\":0.0001,\"iterations\":9,\"trainingLoss\":0.1},"
            + "\"temperature\":0.5,\"bias\":[0,0],\"vocabulary\":[\"w|facture\",\"w|maquette\"],\"idf\":[1,1],"
            + "\"weights\":[[2,-2],[-2,2]]}";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var loaded = TextClassifier.Load(stream);

        loaded.Predict("la facture").Label.Should().Be("A");
        loaded.Predict("une maquette").Label.Should().Be("B");
        loaded.Vectorizer.Options.KeepStopWords.Should().BeFalse("version 1 dropped French stop words");
        loaded.Vectorizer.Options.NormalizeWordsAndCharactersApart.Should().BeFalse();
        loaded.Metadata.Solver.Should().Be("softmax-lbfgs");
    }

    [Fact]
    public void Load_NewerVersion_SaysHowToRetrain()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"format\":\"serverless-text-classifier\",\"version\":3}"));

        var act = () => TextClassifier.Load(stream);

        act.Should().Throw<ModelFormatException>().WithMessage("*version 3 is not supported*retrain it*Serverless.Classifier.Cli -- train*");
    }

    [Theory]
    [InlineData("{\"format\":\"serverless-text-classifier\",\"version\":99}", "*version 99 is not supported*")]
    [InlineData("{\"format\":\"something-else\",\"version\":1}", "*format*")]
    [InlineData("not json", "*Not a classifier model*")]
    [InlineData("{\"format\":\"serverless-text-classifier\",\"version\":1,\"labels\":[\"A\",\"B\"],\"features\":{},\"vocabulary\":[\"w|a\"],\"idf\":[1],\"bias\":[0,0],\"weights\":[[1]],\"temperature\":1}", "*weight matrix*")]
    public void Load_InvalidFile_ThrowsModelFormatException(string json, string message)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var act = () => TextClassifier.Load(stream);

        act.Should().Throw<ModelFormatException>().WithMessage(message);
    }
}
