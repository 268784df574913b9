using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Portal.Viewing;

public static class ViewingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MessageViewBuilder"/> with "Portal:View" bound to <see cref="ViewingOptions"/>
    /// (validated on start). The web side calls it, with <c>AddMailsealPortalReplying</c> for replies.
    /// </summary>
    public static IServiceCollection AddMailsealPortalViewing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ViewingOptions>()
            .Bind(configuration.GetSection(ViewingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MessageViewBuilder>();
        return services;
    }
}
