using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>
/// Test-TransportRule: what the stored rules would do to a message (.eml) for a sender and recipients, rule by
/// rule and recipient by recipient. Nothing is sent or changed.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "TransportRule")]
[OutputType(typeof(TransportRuleTestResult))]
public sealed class TestTransportRuleCommand : MailsealCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("Path")]
    public string MessageFile { get; set; } = null!;

    /// <summary>The envelope sender (MAIL FROM).</summary>
    [Parameter(Mandatory = true)]
    public string Sender { get; set; } = null!;

    /// <summary>The envelope recipients (RCPT TO).</summary>
    [Parameter(Mandatory = true)]
    public string[] Recipient { get; set; } = [];

    protected override void EndProcessing()
    {
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(MessageFile);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            ThrowTerminatingError(new ErrorRecord(new FileNotFoundException($"MessageFile: there is no file {path}.", path),
                "MessageFileNotFound", ErrorCategory.ObjectNotFound, MessageFile));
        }

        if (file.Length > AdminService.MaxTestMessageBytes)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"MessageFile: must be at most {AdminService.MaxTestMessageBytes} bytes", nameof(MessageFile)),
                "Validation.MessageFile", ErrorCategory.InvalidArgument, MessageFile));
        }

        var body = new { message = File.ReadAllBytes(path), sender = Sender, recipients = Recipient };
        CallAndWrite<TransportRuleTestResult>(AdminRoutes.TransportRulesTest, body, MessageFile);
    }
}
