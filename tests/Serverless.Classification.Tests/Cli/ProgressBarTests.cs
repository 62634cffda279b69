using Serverless.Classification.Training;
using Serverless.Classifier.Cli;

namespace Serverless.Classification.Tests.Cli;

public class ProgressBarTests
{
    [Fact]
    public void Line_HalfDone_FillsHalfTheBarAndEstimatesTheRest()
    {
        var line = ProgressBar.Line(new TrainingProgress("fold 3/5", 6, 12), TimeSpan.FromSeconds(4));

        line.Should().StartWith("[###############...............] 6/12 fits, fold 3/5").And.Contain("4.0 s, ETA 4 s");
    }

    [Fact]
    public void Line_NothingDone_HasNoEta()
    {
        ProgressBar.Line(new TrainingProgress("featurizing", 0, 12), TimeSpan.Zero).Should().Contain("ETA --");
    }
}
