namespace Mailseal.Admin.Page;

/// <summary>What the dashboard shows: the days, the rules by traffic, the templates and the preview chosen.</summary>
internal sealed record AdminPageModel(
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<RuleTraffic> Rules,
    IReadOnlyList<string> Templates,
    string PreviewTemplate,
    string PreviewLanguage);
