namespace Serverless.Intake.Classification;

public static class ClassifierNames
{
    public const string Llm = "llm";
    public const string BuiltIn = "builtin";
    public const string Form = "form";
}
