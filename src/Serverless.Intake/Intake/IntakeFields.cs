namespace Serverless.Intake.Intake;

/// <summary>Field names of the seed's payload, as the form platform sends them and as problems name them.</summary>
public static class IntakeFields
{
    public const string Source = "source";
    public const string Objet = "objet";
    public const string Description = "description";
    public const string UserEmail = "user_email";
    public const string UserName = "user_name";
    public const string Files = "fichiers";

    public static readonly IReadOnlyList<string> Text = [Source, Objet, Description, UserEmail, UserName];
}
