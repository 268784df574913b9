using System.Management.Automation;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Disconnect-Mailseal: forgets this session's connection and its API key.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Mailseal")]
[OutputType(typeof(void))]
public sealed class DisconnectMailsealCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (!MailsealConnection.Clear())
        {
            WriteVerbose("Not connected.");
        }
    }
}
