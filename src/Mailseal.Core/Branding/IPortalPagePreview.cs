namespace Mailseal.Core.Branding;

/// <summary>
/// The portal's sign-in page as a recipient sees it after message.html posts an envelope sealed under a branding
/// template, in one of the portal's languages: the admin page's third preview. The portal implements it with its own
/// page; a process that does not host the portal has no implementation.
/// </summary>
public interface IPortalPagePreview
{
    /// <summary>
    /// The page's HTML for the template named <paramref name="templateName"/> (one that is not stored gives the default
    /// look, as it does for an envelope) in <paramref name="language"/>, such as "de". It touches no envelope,
    /// pre-session or session.
    /// </summary>
    Task<string> RenderSignInPageAsync(string templateName, string language, CancellationToken cancellationToken);
}
