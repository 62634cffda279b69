using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Api.Http;
using Serverless.Approvals.Configuration;
using Serverless.Approvals.Decisions;

namespace Serverless.Approvals.Links;

/// <summary>
/// GET shows what the link would do and changes nothing (mail scanners and link previews open links by themselves);
/// POST, from that page's form, decides. The form carries the token in its body: a request forged by another site
/// cannot hold it, so no cookie (and no SameSite rule) is involved; requests a browser marks as cross-site are
/// refused as well.
/// </summary>
public sealed class ApprovalLinkHandlers(ApprovalDecisionService service, IOptionsMonitor<ApprovalOptions> options)
{
    public const int MaxCommentLength = 2000;

    /// <summary>The confirmation form holds a token and a comment of at most <see cref="MaxCommentLength"/> characters.</summary>
    private const int MaxFormBytes = 64 * 1024;

    public async Task<IResult> GetAsync(HttpContext http, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var texts = ApprovalTexts.For(options.CurrentValue.Language);
        var (decisionToken, lookup) = await service.InspectAsync(token, cancellationToken);
        return lookup.Status == GateStatus.Open
            ? Page(http, StatusCodes.Status200OK, ApprovalPage.Confirm(texts, decisionToken!, lookup.Gate!, token))
            : Refusal(http, texts, lookup);
    }

    public async Task<IResult> PostAsync(HttpContext http, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var texts = ApprovalTexts.For(options.CurrentValue.Language);
        if (IsCrossSite(http.Request) || !http.Request.HasFormContentType)
        {
            return Page(http, StatusCodes.Status403Forbidden, ApprovalPage.Message(texts, texts.Invalid));
        }

        // The form reader turns bytes that are not UTF-8 into U+FFFD without a word: check the raw form first.
        http.Request.EnableBuffering();
        var raw = await BoundedBody.ReadAsync(http.Request.Body, MaxFormBytes, cancellationToken);
        if (raw is null)
        {
            return Page(http, StatusCodes.Status413PayloadTooLarge, ApprovalPage.Message(texts, texts.Invalid));
        }

        if (RequestText.FindInForm(raw) is { } invalid)
        {
            return RequestText.Problem(invalid, http.Request.Path);
        }

        http.Request.Body.Position = 0;
        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (!SameToken(form["token"].ToString(), token))
        {
            return Page(http, StatusCodes.Status403Forbidden, ApprovalPage.Message(texts, texts.Invalid));
        }

        var (decisionToken, lookup) = await service.InspectAsync(token, cancellationToken);
        if (lookup.Status == GateStatus.Open)
        {
            var comment = form["comment"].ToString().Trim();
            comment = comment.Length == 0 ? null : comment[..Math.Min(comment.Length, MaxCommentLength)];
            lookup = await service.DecideAsync(decisionToken!, comment, decisionToken!.Approver, "email", cancellationToken);
        }

        return lookup.Status == GateStatus.Recorded
            ? Page(http, StatusCodes.Status200OK, ApprovalPage.Outcome(texts, texts.Recorded, lookup.Gate, lookup.Outcome))
            : Refusal(http, texts, lookup);
    }

    private static IResult Refusal(HttpContext http, ApprovalTexts texts, GateLookup lookup) => lookup.Status switch
    {
        GateStatus.Closed => Page(http, StatusCodes.Status409Conflict, ApprovalPage.Outcome(texts, texts.AlreadyDecided, lookup.Gate, lookup.Outcome)),
        GateStatus.Expired => Page(http, StatusCodes.Status410Gone, ApprovalPage.Message(texts, texts.Expired)),
        _ => Page(http, StatusCodes.Status403Forbidden, ApprovalPage.Message(texts, texts.Invalid)),
    };

    /// <summary>Browsers say where a request comes from (Sec-Fetch-Site, else Origin); the confirmation page posts to itself.</summary>
    private bool IsCrossSite(HttpRequest request)
    {
        switch (request.Headers["Sec-Fetch-Site"].ToString())
        {
            case "cross-site":
                return true;
            case "same-origin" or "none":
                // The browser's own word. Origin is then no help: under this page's Referrer-Policy: no-referrer,
                // Chromium sends "Origin: null" with the form's same-origin POST.
                return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        var own = new Uri(options.CurrentValue.BaseUrl);
        return origin == "null" || !Uri.TryCreate(origin, UriKind.Absolute, out var from)
            || (!string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(from.GetLeftPart(UriPartial.Authority), own.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase));
    }

    private static bool SameToken(string posted, string route) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(posted), Encoding.UTF8.GetBytes(route));

    private static IResult Page(HttpContext http, int status, string html)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        // The token is in the URL: never hand it to another site as a Referer, never let a page frame the button.
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Frame-Options"] = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
