using Mailseal.Core.Administration;
using Mailseal.Delivery.Dkim;
using Mailseal.Delivery.Pickup;
using Mailseal.Delivery.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="DeliveryOptions"/> from the "Delivery" section (validated on start) and registers
    /// <see cref="IMessageDelivery"/> — SMTP to Delivery:NextHop when it is set, the pickup folder otherwise —
    /// and the DKIM signer. Needs the stores and the key protector (AddMailsealStorage, AddMailsealProtection).
    /// </summary>
    public static IServiceCollection AddMailsealDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeliveryOptions>()
            .Bind(configuration.GetSection(DeliveryOptions.SectionName))
            .PostConfigure(options => options.PickupDirectory ??= DefaultPickupDirectory(configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IMessageDelivery>(CreateDelivery);
        services.AddSingleton<DkimKeyManager>();
        services.AddSingleton<IDkimKeyAdministration, DkimKeyAdministration>();
        services.AddSingleton<DkimSigningKeys>();
        services.AddSingleton<DkimMessageSigner>();
        return services;
    }

    // The storage section names the data folder; reading the key keeps Delivery free of a Storage reference.
    private static string DefaultPickupDirectory(IConfiguration configuration) =>
        Path.Combine(configuration["Storage:DataDirectory"] ?? "./data", DeliveryOptions.DefaultPickupFolderName);

    private static IMessageDelivery CreateDelivery(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DeliveryOptions>>();
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        return options.Value.NextHop is null
            ? new PickupFolderDelivery(options.Value.PickupDirectory!, time, loggers.CreateLogger<PickupFolderDelivery>())
            : new SmtpNextHopDelivery(options, time, loggers.CreateLogger<SmtpNextHopDelivery>());
    }
}
