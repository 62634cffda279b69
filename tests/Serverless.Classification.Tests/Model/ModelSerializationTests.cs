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
