namespace Mailseal.Portal.Viewing;

/// <summary>
/// The header fields a reader sees, decoded to plain text with control and direction-override characters
/// removed and lengths capped. Addresses read "Name &lt;address&gt;", or the address alone.
/// </summary>
/// <param name="From">The author(s).</param>
/// <param name="To">The primary recipients, at most <see cref="ViewingOptions.MaxAddressesPerField"/>.</param>
/// <param name="Cc">The copy recipients, at most <see cref="ViewingOptions.MaxAddressesPerField"/>.</param>
/// <param name="Date">The Date field; null when there is none.</param>
/// <param name="Subject">The subject; empty when there is none.</param>
/// <param name="MoreRecipients">How many To and Cc addresses the caps left out.</param>
public sealed record MessageHeaderView(
    IReadOnlyList<string> From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    DateTimeOffset? Date,
    string Subject,
    int MoreRecipients);
