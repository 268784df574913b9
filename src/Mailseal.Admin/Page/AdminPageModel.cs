namespace Mailseal.Admin.Page;

/// <summary>
/// What the dashboard shows: the days, the rules by traffic, the templates, the preview chosen, and whether the portal
/// is hosted here (only then can its page be previewed).
/// </summary>
internal sealed record AdminPageModel(
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<RuleTraffic> Rules,
    IReadOnlyList<string> Templates,
    string PreviewTemplate,
    string PreviewLanguage,
    bool PortalHosted);
