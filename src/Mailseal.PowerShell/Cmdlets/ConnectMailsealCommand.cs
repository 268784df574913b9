using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Connect-Mailseal: opens this session's connection to a Mailseal admin API and checks the key with one read.</summary>
[Cmdlet(VerbsCommunications.Connect, "Mailseal")]
[OutputType(typeof(void))]
public sealed class ConnectMailsealCommand : MailsealCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public Uri Uri { get; set; } = null!;

    /// <summary>The key `mailseal admin-key new` printed (msk_…).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    public string ApiKey { get; set; } = null!;

    protected override void EndProcessing()
    {
        AdminApiClient client;
        try
        {
            client = new AdminApiClient(Uri, ApiKey);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "InvalidUri", ErrorCategory.InvalidArgument, Uri));
            return;
        }

        MailsealConnection.Set(client);
        try
        {
            Call<IReadOnlyList<OmeConfigurationResult>>(AdminRoutes.OmeConfigurationsList, null, Uri);
        }
        catch
        {
            // A key the server refuses, or a server that cannot be reached, leaves the session unconnected.
            MailsealConnection.Clear();
            throw;
        }

        WriteVerbose($"Connected to {Uri}.");
    }
}
