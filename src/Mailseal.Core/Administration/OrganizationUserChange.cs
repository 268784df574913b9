namespace Mailseal.Core.Administration;

/// <summary>Set for a user: null leaves a member unchanged; <c>""</c> clears the display name or language (the default).</summary>
public sealed record OrganizationUserChange
{
    public string? DisplayName { get; init; }

    /// <summary>BCP 47 tag for the wrapper mail of this user's messages; <c>""</c> means the default language.</summary>
    public string? Language { get; init; }

    public bool? MaySendEncrypted { get; init; }
}
