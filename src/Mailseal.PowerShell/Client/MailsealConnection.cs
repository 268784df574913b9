using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Mailseal.PowerShell.Client;

/// <summary>
/// The admin API client of each runspace, set by Connect-Mailseal and cleared by Disconnect-Mailseal: one
/// connection per PowerShell session, as with Connect-ExchangeOnline, never shared between runspaces.
/// </summary>
internal static class MailsealConnection
{
    private static readonly ConditionalWeakTable<Runspace, AdminApiClient> Clients = [];

    public static AdminApiClient? Current =>
        Runspace.DefaultRunspace is { } runspace && Clients.TryGetValue(runspace, out var client) ? client : null;

    public static void Set(AdminApiClient client)
    {
        var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("Connect-Mailseal needs a runspace.");
        Clear();
        Clients.Add(runspace, client);
    }

    public static bool Clear()
    {
        if (Runspace.DefaultRunspace is not { } runspace || !Clients.TryGetValue(runspace, out var client))
        {
            return false;
        }

        Clients.Remove(runspace);
        client.Dispose();
        return true;
    }
}
