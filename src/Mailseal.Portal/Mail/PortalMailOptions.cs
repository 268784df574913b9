namespace Mailseal.Portal.Mail;

/// <summary>
/// The portal's own mail, bound from the "Portal" section: the address pass-code mail is sent from, and the
/// gateway's Submission listener all of the portal's mail is handed to ("Portal:Submission"). Sealed replies
/// have their own From address, <see cref="Replying.ReplyOptions.ServiceAddress"/>.
/// </summary>
public sealed class PortalMailOptions
{
    public const string SectionName = "Portal";

    /// <summary>The From address of pass-code mail; its domain's DKIM key signs them.</summary>
    public string? ServiceAddress { get; set; }

    /// <summary>The display name beside <see cref="ServiceAddress"/> on pass-code mail; none when not set.</summary>
    public string? ServiceDisplayName { get; set; }

    public PortalSubmissionOptions Submission { get; set; } = new();
}
