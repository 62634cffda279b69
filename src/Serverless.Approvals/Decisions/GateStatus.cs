namespace Serverless.Approvals.Decisions;

public enum GateStatus
{
    /// <summary>The gate waits and the token may decide it.</summary>
    Open,

    /// <summary>This call recorded the decision and raised it on the instance.</summary>
    Recorded,

    /// <summary>Closed already: by another click, another approver, the deadline or the instance ending (409).</summary>
    Closed,

    /// <summary>The token's validity has passed while the gate is still open (410).</summary>
    Expired,

    /// <summary>Tampered, signed by a foreign key, or naming an instance or gate that does not exist (403).</summary>
    Invalid,
}
