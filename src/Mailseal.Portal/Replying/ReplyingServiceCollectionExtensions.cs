using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ReplyService>(sp));
        return services;
    }
}
