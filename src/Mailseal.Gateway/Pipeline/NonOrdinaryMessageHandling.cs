namespace Mailseal.Gateway.Pipeline;

/// <summary>What happens when a sealing rule matched a message that is not an ordinary one (a meeting request, a read receipt, …).</summary>
public enum NonOrdinaryMessageHandling
{
    /// <summary>Delivered as it is (other actions of the copy still apply) and counted as PassedUnsealed.</summary>
    PassUnchanged,

    /// <summary>Rejected for the recipients whose rule said ApplyOME: 550 5.7.1.</summary>
    Reject,
}
