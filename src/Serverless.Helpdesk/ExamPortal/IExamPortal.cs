using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.ExamPortal;

/// <summary>The exam portal port: a candidate's file by their email. The portal publishes no API (the seed logs in
/// with each candidate's credentials and reads the pages), so the product ships the sandbox adapter only
/// (<see cref="SandboxExamPortal"/>); a real adapter implements this interface and replaces the registration.</summary>
public interface IExamPortal
{
    /// <summary>Null when the portal has no file for that address.</summary>
    Task<ExamPortalFile?> GetFileAsync(string email, ActivityContext context, CancellationToken cancellationToken);
}
