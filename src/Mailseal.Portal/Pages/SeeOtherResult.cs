using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mailseal.Portal.Pages;

/// <summary>303 See Other: after a POST the browser GETs the next page, so a reload never posts again.</summary>
internal sealed class SeeOtherResult(string location) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
