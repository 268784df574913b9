using System.Globalization;
using Mailseal.Core.Portal;
using Mailseal.Portal.PassCodes;
using Mailseal.Portal.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mailseal.Portal.Pages;

/// <summary>
/// /signin/code: the address form, then the code form showing the reference the mail carries. The answer to the
/// address form is the same page whether or not the address is a recipient; a right code becomes a session
/// through <see cref="PortalSignIn.SignInAsync"/>.
/// </summary>
public sealed class PassCodeModel(PortalSignIn signIn, PassCodeService passCodes) : PortalPageModel
{
    private const int MaxAddressLength = 320;

    public bool Found { get; private set; }

    public PassCodeStep Step { get; private set; }

    public string Address { get; private set; } = "";

    public string Reference { get; private set; } = "";

    public bool RateLimited { get; private set; }

    public bool Rejected { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await FindAsync(cancellationToken);

    public async Task<IActionResult> OnPostSendAsync(string? address, CancellationToken cancellationToken)
    {
        var preSession = await FindAsync(cancellationToken);
        if (preSession is null)
        {
            return Page();
        }

        Address = Clean(address);
        if (Address.Length == 0)
        {
            return Page();
        }

        var license = await signIn.LicenseOfAsync(preSession, cancellationToken);
        if (license is null)
        {
            Found = false;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var issue = await passCodes.RequestAsync(
            new PassCodeRequest(PortalSignIn.PreSessionIdOf(preSession), license, Address, HttpContext.Connection.RemoteIpAddress, CultureInfo.CurrentUICulture),
            cancellationToken);
        if (issue.RateLimited)
        {
            RateLimited = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        Step = PassCodeStep.Code;
        Reference = issue.Reference;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(string? address, string? reference, string? code, CancellationToken cancellationToken)
    {
        var preSession = await FindAsync(cancellationToken);
        if (preSession is null)
        {
            return Page();
        }

        Address = Clean(address);
        Reference = (reference ?? "").Trim();
        Step = PassCodeStep.Code;
        var license = await signIn.LicenseOfAsync(preSession, cancellationToken);
        var typed = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (license is null || Address.Length == 0)
        {
            Found = false;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var check = await passCodes.VerifyAsync(
            new PassCodeAttempt(PortalSignIn.PreSessionIdOf(preSession), license, Address, typed, HttpContext.Connection.RemoteIpAddress),
            cancellationToken);
        switch (check.Outcome)
        {
            case PassCodeOutcome.Accepted when await signIn.SignInAsync(HttpContext, preSession, Address, "pass code", cancellationToken):
                return new SeeOtherResult(Url.Page("/Read", new { envelopeId = preSession.EnvelopeId })!);
            case PassCodeOutcome.Locked:
                LockedUntil = check.LockedUntil;
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                Rejected = true;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }

    private async Task<PreSession?> FindAsync(CancellationToken cancellationToken)
    {
        var preSession = await signIn.FindPreSessionAsync(HttpContext, cancellationToken);
        if (preSession is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        Found = true;
        await UseBrandingAsync(preSession.BrandingTemplate, cancellationToken);
        return preSession;
    }

    private static string Clean(string? address)
    {
        var trimmed = (address ?? "").Trim();
        return trimmed.Length is > 0 and <= MaxAddressLength && trimmed.Contains('@', StringComparison.Ordinal) ? trimmed : "";
    }
}
