namespace Mailseal.Portal.Pages;

/// <summary>GET /: what the portal is for, and the way to open a saved message.</summary>
public sealed class IndexModel : PortalPageModel;
