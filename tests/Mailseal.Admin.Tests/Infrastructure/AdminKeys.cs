using Mailseal.Core.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Admin.Tests.Infrastructure;

internal static class AdminKeys
{
    /// <summary>A new admin API key's secret, made through the host's key service.</summary>
    public static async Task<string> NewSecretAsync(IServiceProvider services, string name = "ops") =>
        (await services.GetRequiredService<AdminApiKeyService>().CreateAsync(name, AdminActor.Cli("test"))).Secret;
}
