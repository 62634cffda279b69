namespace Serverless.Crm.Api.Data;

/// <summary>POST (every required property, unknown ones into fields), PUT (the same, replacing every editable
/// property) or PATCH (only the given properties change; null clears).</summary>
internal enum CrmWriteMode
{
    Create,
    Replace,
    Patch,
}
