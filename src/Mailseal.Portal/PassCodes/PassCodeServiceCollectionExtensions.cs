using Mailseal.Core.Portal;
using Mailseal.Delivery.Dkim;
using Mailseal.Portal.Mail;
using Mailseal.Portal.Metrics;
using Mailseal.Protection.Envelope;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.PassCodes;

public static class PassCodeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PassCodeService"/>, the background worker that writes and sends code mail, the pruning
    /// service, and <see cref="IPortalMailSender"/> (the gateway's Submission listener) with the DKIM signer.
    /// Binds and validates on start "Portal:PassCodes" (<see cref="PassCodeOptions"/>) and "Portal"
    /// (<see cref="PortalMailOptions"/>: ServiceAddress, Submission). Needs AddMailsealStorage and AddMailsealProtection.
    /// </summary>
    public static IServiceCollection AddMailsealPortalPassCodes(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PassCodeOptions>()
            .Bind(configuration.GetSection(PassCodeOptions.SectionName))
            .PostConfigure(options =>
            {
                if (options.LockBackoffs.Count == 0)
                {
                    options.LockBackoffs = [.. PassCodeOptions.DefaultLockBackoffs];
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PassCodeOptions>, PassCodeOptionsValidator>();
        services.AddOptions<PortalMailOptions>().Bind(configuration.GetSection(PortalMailOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalMailOptions>, PortalMailOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<PassCodeMetrics>();

        // The same DKIM parts AddMailsealDelivery registers; TryAdd keeps one of each when both are used.
        services.TryAddSingleton<DkimKeyManager>();
        services.TryAddSingleton<DkimSigningKeys>();
        services.TryAddSingleton<DkimMessageSigner>();
        services.TryAddSingleton<SubmissionMailSender>();
        services.TryAddSingleton<IPortalMailSender>(sp => sp.GetRequiredService<SubmissionMailSender>());

        services.AddSingleton(sp => new PassCodeKeyRing(sp.GetRequiredService<Protection.Keys.ITenantKeyRing>()));
        services.AddSingleton(sp => new PassCodeMailQueue(sp.GetRequiredService<IOptions<PassCodeOptions>>()));
        services.AddSingleton(sp => new PassCodeMailComposer(
            sp.GetRequiredService<Protection.Branding.BrandingTemplateCache>(), sp.GetRequiredService<IOptions<PortalMailOptions>>(),
            sp.GetRequiredService<IOptions<PassCodeOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PassCodeService(
            sp.GetRequiredService<IPassCodeStore>(), sp.GetRequiredService<EnvelopeUnsealer>(), sp.GetRequiredService<PassCodeKeyRing>(),
            sp.GetRequiredService<PassCodeMailQueue>(), sp.GetRequiredService<IOptions<PassCodeOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PassCodeService>>(), sp.GetRequiredService<PassCodeMetrics>()));
        services.AddSingleton(sp => new PassCodeMailWorker(
            sp.GetRequiredService<PassCodeMailQueue>(), sp.GetRequiredService<PassCodeMailComposer>(),
            sp.GetRequiredService<DkimMessageSigner>(), sp.GetRequiredService<IPortalMailSender>(), sp.GetRequiredService<ILogger<PassCodeMailWorker>>(),
            sp.GetRequiredService<PassCodeMetrics>()));
        services.AddHostedService(sp => sp.GetRequiredService<PassCodeMailWorker>());
        return services;
    }
}
