namespace Mailseal.Admin.Page;

/// <summary>What a preview frame of the admin page shows.</summary>
internal enum PreviewKind
{
    /// <summary>The wrapper mail's HTML body.</summary>
    Wrapper,

    /// <summary>The message.html attachment.</summary>
    MessageHtml,

    /// <summary>The portal's sign-in page, where message.html leads.</summary>
    PortalPage,
}
