namespace Serverless.Intake.Intake;

/// <summary>Settings of POST /api/intake/requests (section "RequestHandler:Intake").</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "RequestHandler:Intake";

    /// <summary>Accepted X-API-Key values. Empty: only <see cref="DevelopmentApiKey"/>, and only in the Development environment.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>The key a fresh checkout accepts when no key is configured and the host runs in Development.</summary>
    public string DevelopmentApiKey { get; set; } = "dev-intake-key";

    /// <summary>HMAC-SHA256 secrets for the X-Signature header; any one of them may sign.</summary>
    public List<string> SignatureSecrets { get; set; } = [];

    /// <summary>True refuses unsigned requests; false verifies a signature only when one is sent.</summary>
    public bool RequireSignature { get; set; }

    /// <summary>How far the X-Signature-Timestamp may be from the server's clock, either way.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxObjetLength { get; set; } = 500;

    public int MaxDescriptionLength { get; set; } = 20_000;

    public int MaxUserNameLength { get; set; } = 200;

    public int MaxFiles { get; set; } = 10;

    public long MaxFileBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Largest JSON body (files inline as base64 make it about 4/3 of their size); send big files as multipart.</summary>
    public long MaxJsonBodyBytes { get; set; } = 48L * 1024 * 1024;

    /// <summary>File name extensions accepted (without the dot); empty: <see cref="DefaultExtensions"/>.</summary>
    public List<string> AllowedExtensions { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultExtensions =
    [
        "pdf", "png", "jpg", "jpeg", "gif", "webp", "tif", "tiff", "bmp", "heic",
        "dwg", "dxf", "ifc", "rvt", "rfa", "skp", "pln", "3dm", "obj", "fbx", "stl", "gltf", "glb",
        "e57", "las", "laz", "ply", "xyz", "pts", "rcp",
        "zip", "txt", "csv", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods",
    ];

    /// <summary>How long an Idempotency-Key, or the hash of an identical payload, returns the instance it started.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An address part mixing letters of two scripts (a Cyrillic "а" in a Latin name, the homograph trick):
    /// Refuse (400), Flag (accepted, and the instance input says so in user_email_flags), or Allow.</summary>
    public MixedScriptPolicy MixedScriptEmails { get; set; } = MixedScriptPolicy.Refuse;
}

public enum MixedScriptPolicy
{
    Refuse,
    Flag,
    Allow,
}
