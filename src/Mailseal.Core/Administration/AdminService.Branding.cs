using Mailseal.Core.Branding;

namespace Mailseal.Core.Administration;

/// <summary>Get/New/Set/Remove-OMEConfiguration.</summary>
public sealed partial class AdminService
{
    private const string BrandingKind = "OMEConfiguration";

    /// <summary>Every template; the default one is always listed, with the defaults when it was never set.</summary>
    public async Task<IReadOnlyList<OmeConfigurationResult>> ListOmeConfigurationsAsync(CancellationToken cancellationToken = default)
    {
        var stored = await branding.ListAsync(cancellationToken);
        var all = stored.Any(t => IsDefaultTemplate(t.Identity)) ? stored : [new OmeConfiguration(OmeConfiguration.DefaultIdentity), .. stored];
        return [.. all.OrderBy(t => IsDefaultTemplate(t.Identity) ? 0 : 1).ThenBy(t => t.Identity, StringComparer.OrdinalIgnoreCase)
            .Select(OmeConfigurationResult.From)];
    }

    public async Task<OmeConfigurationResult> GetOmeConfigurationAsync(string identity, CancellationToken cancellationToken = default) =>
        OmeConfigurationResult.From(await FindTemplateAsync(identity, cancellationToken));

    public async Task<OmeConfigurationResult> NewOmeConfigurationAsync(
        NewOmeConfigurationRequest request, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        Branded(() => OmeConfigurationValidator.ValidateIdentity(request.Identity));
        if (IsDefaultTemplate(request.Identity) || await branding.FindAsync(request.Identity, cancellationToken) is not null)
        {
            throw new AdminConflictException("OME configuration", request.Identity);
        }

        var created = Branded(() => new OmeConfigurationUpdate
        {
            EmailText = request.EmailText,
            DisclaimerText = request.DisclaimerText,
            PortalText = request.PortalText,
            ImageSpecified = true,
            Image = Normalize(request.Image),
        }.ApplyTo(new OmeConfiguration(request.Identity)));
        await branding.UpsertAsync(created, cancellationToken);
        var result = OmeConfigurationResult.From(created);
        await audit.RecordAsync(actor, "New", BrandingKind, created.Identity, null, result.ForAudit(), cancellationToken);
        return result;
    }

    public async Task<OmeConfigurationResult> SetOmeConfigurationAsync(
        string identity, SetOmeConfigurationRequest request, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var current = await FindTemplateAsync(identity, cancellationToken);
        var updated = Branded(() => new OmeConfigurationUpdate
        {
            EmailText = request.EmailText,
            DisclaimerText = request.DisclaimerText,
            PortalText = request.PortalText,
            ImageSpecified = request.ImageSpecified,
            Image = request.ImageSpecified ? Normalize(request.Image) : null,
        }.ApplyTo(current));
        await branding.UpsertAsync(updated, cancellationToken);
        var before = OmeConfigurationResult.From(current);
        var after = OmeConfigurationResult.From(updated);
        await audit.RecordAsync(actor, "Set", BrandingKind, updated.Identity, before.ForAudit(), after.ForAudit(), cancellationToken);
        return after;
    }

    /// <summary>Removes a template; the default one cannot be removed (revert its texts and logo instead), as in Exchange.</summary>
    public async Task RemoveOmeConfigurationAsync(string identity, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (IsDefaultTemplate(identity))
        {
            throw new AdminValidationException("Identity", $"\"{OmeConfiguration.DefaultIdentity}\" cannot be removed; set its texts to \"\" and its image to null to revert it");
        }

        var current = await FindTemplateAsync(identity, cancellationToken);
        await branding.RemoveAsync(current.Identity, cancellationToken);
        await audit.RecordAsync(actor, "Remove", BrandingKind, current.Identity, OmeConfigurationResult.From(current).ForAudit(), null, cancellationToken);
    }

    private async Task<OmeConfiguration> FindTemplateAsync(string identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return await branding.FindAsync(identity, cancellationToken)
            ?? (IsDefaultTemplate(identity) ? new OmeConfiguration(OmeConfiguration.DefaultIdentity)
                : throw new AdminObjectNotFoundException("OME configuration", identity));
    }

    private byte[]? Normalize(byte[]? image) =>
        image is not { Length: > 0 } ? null : Branded(() => imageNormalizer.Normalize(image));

    /// <summary>Branding refusals become the service's one validation error, keeping field and limit.</summary>
    private static T Branded<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (BrandingValidationException ex)
        {
            throw new AdminValidationException(ex.Field, ex.Limit, ex);
        }
    }

    private static void Branded(Action action) => Branded(() =>
    {
        action();
        return true;
    });

    private static bool IsDefaultTemplate(string identity) => Same(identity, OmeConfiguration.DefaultIdentity);
}
