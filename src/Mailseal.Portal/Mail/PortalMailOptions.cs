namespace Mailseal.Portal.Mail;

/// <summary>
/// The portal's own mail (pass codes, sealed replies), bound from the "Portal" section: the address it is sent
/// from, and the gateway's Submission listener it is handed to ("Portal:Submission").
/// </summary>
public sealed class PortalMailOptions
{
    public const string SectionName = "Portal";

    /// <summary>The From address of every mail the portal writes; its domain's DKIM key signs them.</summary>
    public string? ServiceAddress { get; set; }

    /// <summary>The display name beside <see cref="ServiceAddress"/> on pass-code mail; none when not set.</summary>
    public string? ServiceDisplayName { get; set; }

    public PortalSubmissionOptions Submission { get; set; } = new();
}
