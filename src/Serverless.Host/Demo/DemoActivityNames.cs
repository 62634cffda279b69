namespace Serverless.Host.Demo;

/// <summary>Names the demo workflows (workflows/demo/*.json) refer to.</summary>
public static class DemoActivityNames
{
    public const string Greet = "demo.greet";
    public const string Wait = "demo.wait";
    public const string Record = "demo.record";
    public const string Flaky = "demo.flaky";
}
