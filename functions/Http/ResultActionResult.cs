using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Serverless.Functions.Http;

/// <summary>The Functions ASP.NET Core integration executes an <see cref="IActionResult"/> a trigger returns but not
/// a minimal-API <see cref="IResult"/>, which is what the shared handlers produce: this executes one as the other.</summary>
internal sealed class ResultActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return result.ExecuteAsync(context.HttpContext);
    }
}
