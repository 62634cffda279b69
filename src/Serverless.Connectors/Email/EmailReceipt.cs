namespace Serverless.Connectors.Email;

/// <summary>What a sent message can be found by later: the Message-ID header it carried.</summary>
public sealed record EmailReceipt(string MessageId);
