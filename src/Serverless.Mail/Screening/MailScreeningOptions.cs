namespace Serverless.Mail.Screening;

/// <summary>Settings section "Mail:Screening".</summary>
public sealed class MailScreeningOptions
{
    public const string SectionName = "Mail:Screening";

    /// <summary>Our own sending addresses (any letter case): mail from them is ours and never opens a ticket.</summary>
    public List<string> OwnAddresses { get; set; } = [];
}
