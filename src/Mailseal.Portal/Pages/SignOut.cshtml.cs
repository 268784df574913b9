using Mailseal.Portal.Sessions;
using Microsoft.AspNetCore.Mvc;

namespace Mailseal.Portal.Pages;

/// <summary>POST /signout ends the session; the page only says so.</summary>
public sealed class SignOutModel(PortalSignIn signIn) : PortalPageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task OnPostAsync(CancellationToken cancellationToken) => await signIn.SignOutAsync(HttpContext, cancellationToken);
}
