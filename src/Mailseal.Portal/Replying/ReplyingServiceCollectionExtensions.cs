using Mailseal.Delivery.Dkim;
using Mailseal.Portal.Mail;
using Mailseal.Protection;
using Mailseal.Protection.Sealing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Replying;

public static class ReplyingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReplyService"/> with "Portal:Reply" bound to <see cref="ReplyOptions"/>, validated on
    /// start (ServiceAddress is required). Needs storage, protection and delivery registered (the stores,
    /// <c>MessageSealer</c>, <c>DkimMessageSigner</c>) and an <c>IPortalMailSender</c>, which this does not register.
    /// </summary>
    public static IServiceCollection AddMailsealPortalReplying(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReplyOptions>()
            .Bind(configuration.GetSection(ReplyOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReplyOptions>, ReplyOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReplySealingPlan>();
        services.AddSingleton(sp => new ReplyService(
            sp.GetRequiredService<MessageSealer>(),
            sp.GetRequiredService<DkimMessageSigner>(),
            sp.GetRequiredService<IPortalMailSender>(),
            sp.GetRequiredService<ReplySealingPlan>(),
            sp.GetRequiredService<ProtectionOptions>(),
            sp.GetRequiredService<IOptions<ReplyOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ReplyService>>()));
        return services;
    }
}
