using Mailseal.Protection.Envelope;
using Mailseal.Protection.Keys;

namespace Mailseal.Portal.PassCodes;

/// <summary>Finds the <see cref="PassCodeKeys"/> for a license: derived from the recipient-hash secret it names.</summary>
internal sealed class PassCodeKeyRing(ITenantKeyRing keyRing)
{
    /// <exception cref="InvalidOperationException">The secret is not here; the caller fails closed.</exception>
    public async ValueTask<PassCodeKeys> ForAsync(License license, CancellationToken cancellationToken)
    {
        var secret = await keyRing.FindRecipientHashSecretAsync(license.RecipientHashKeyId, cancellationToken)
            ?? throw new InvalidOperationException("The recipient-hash secret the license names is not available.");
        return new PassCodeKeys(secret);
    }
}
