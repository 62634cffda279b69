using Serverless.Classification.Features;

namespace Serverless.Classification.Tests.Features;

public class FeatureTableTests
{
    [Fact]
    public void TryGetValue_EveryName_FindsItsIndexAndNothingElse()
    {
        var names = Enumerable.Range(0, 5000).Select(i => $"c|{i:x}").Order(StringComparer.Ordinal).ToArray();

        var table = FeatureTable.TryBuild(names);

        table.Should().NotBeNull();
        for (var i = 0; i < names.Length; i++)
        {
            table!.TryGetValue(names[i], out var index).Should().BeTrue();
            index.Should().Be(i);
        }

        table!.TryGetValue("c|not there", out _).Should().BeFalse();
        table.TryGetValue("", out _).Should().BeFalse();
    }

    [Fact]
    public void Fingerprint_StringAndSpanAgree_AndNeighboursDiffer()
    {
        FeatureTable.Fingerprint("w|facture").Should().Be(FeatureTable.Fingerprint("w|facture".AsSpan()));
        FeatureTable.Fingerprint("w|facture").Should().NotBe(FeatureTable.Fingerprint("w|factures"));
    }
}
