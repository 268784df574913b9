namespace Mailseal.Admin.Page;

/// <summary>The admin page's addresses, beside the admin API's /admin/v1.</summary>
internal static class AdminPagePaths
{
    public const string Dashboard = "/admin";
    public const string SignIn = "/admin/signin";
    public const string SignOut = "/admin/signout";
    public const string WrapperPreview = "/admin/preview/wrapper";
    public const string MessageHtmlPreview = "/admin/preview/message-html";
    public const string PortalPagePreview = "/admin/preview/portal";

    public static string PreviewQuery(string template, string language) =>
        $"?template={Uri.EscapeDataString(template)}&language={Uri.EscapeDataString(language)}";
}
