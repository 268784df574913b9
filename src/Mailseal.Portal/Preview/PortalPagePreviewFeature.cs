namespace Mailseal.Portal.Preview;

/// <summary>
/// Marks the in-process request of <see cref="PortalPagePreview"/>: the sign-in page then shows its choice under
/// <paramref name="TemplateName"/> without a pre-session. Only code in this assembly can set it; no request from the
/// network carries a feature.
/// </summary>
internal sealed record PortalPagePreviewFeature(string TemplateName);
