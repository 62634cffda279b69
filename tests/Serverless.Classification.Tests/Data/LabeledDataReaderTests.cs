using Serverless.Classification.Data;

namespace Serverless.Classification.Tests.Data;

public class LabeledDataReaderTests
{
    [Fact]
    public void Read_CsvWithQuotedCommasQuotesAndLineBreaks_KeepsFieldsWhole()
    {
        const string csv = "id,text,label\r\n1,\"Objet: Facture\nBonjour, la facture \"\"mars\"\" manque\",SUPPORT\r\n2,maquette 3D,MODELISATION\n";

        var examples = LabeledDataReader.Read(new StringReader(csv), "d.csv", DatasetFormat.Csv);

        examples.Should().HaveCount(2);
        examples[0].Text.Should().Be("Objet: Facture\nBonjour, la facture \"mars\" manque");
        examples[0].Label.Should().Be("SUPPORT");
        examples[1].Line.Should().Be(4, "the first record spans lines 2 and 3");
    }

    [Fact]
    public void Read_CsvWithOtherColumnNames_UsesTheNamedFields()
    {
        var examples = LabeledDataReader.Read(
            new StringReader("body,category\nserveur en panne,Critique\n"), "d.csv", DatasetFormat.Csv, "body", "category");

        examples.Should().ContainSingle().Which.Should().Be(new LabeledExample("serveur en panne", "Critique", 2));
    }

    [Theory]
    [InlineData("text,label\nok,A\n\"unterminated,B\n", "d.csv:3: unterminated quoted field")]
    [InlineData("text,label\nok,A\nonly one field\n", "d.csv:3: expected 2 fields as in the header, found 1")]
    [InlineData("text,categorie\nok,A\n", "d.csv:1: missing field 'label' in the header (text, categorie)")]
    [InlineData("text,label\nok,\n", "d.csv:2: field 'label' is empty")]
    public void Read_BadCsv_NamesSourceAndLine(string csv, string message)
    {
        var act = () => LabeledDataReader.Read(new StringReader(csv), "d.csv", DatasetFormat.Csv);

        act.Should().Throw<DatasetFormatException>().Which.Message.Should().Be(message);
    }

    [Theory]
    [InlineData("{\"text\":\"a\",\"label\":\"A\"}\n\n{\"text\":\"b\"}", "d.jsonl:3: missing field 'label'")]
    [InlineData("{\"text\":\"a\",\"label\":\"A\"}\n{\"text\": oops}", "d.jsonl:2: invalid JSON*")]
    [InlineData("[1,2]", "d.jsonl:1: expected a JSON object")]
    [InlineData("{\"text\":{\"x\":1},\"label\":\"A\"}", "d.jsonl:1: field 'text' must be a string, not Object")]
    [InlineData("", "d.jsonl:1: no examples found")]
    public void Read_BadJsonLines_NamesSourceAndLine(string jsonl, string message)
    {
        var act = () => LabeledDataReader.Read(new StringReader(jsonl), "d.jsonl", DatasetFormat.JsonLines);

        act.Should().Throw<DatasetFormatException>().WithMessage(message);
    }

    [Theory]
    [InlineData("train.csv", DatasetFormat.Csv)]
    [InlineData("train.JSONL", DatasetFormat.JsonLines)]
    [InlineData("train.ndjson", DatasetFormat.JsonLines)]
    public void FormatOf_KnownExtension_IsRecognised(string name, DatasetFormat format)
    {
        LabeledDataReader.FormatOf(name).Should().Be(format);
    }
}
