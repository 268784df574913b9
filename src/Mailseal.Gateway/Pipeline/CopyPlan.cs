using Mailseal.Core.Rules;
using Mailseal.Gateway.Front;

namespace Mailseal.Gateway.Pipeline;

/// <summary>One copy of the message: its recipients, what is done with it and why.</summary>
/// <param name="Recipients">The copy's envelope recipients.</param>
/// <param name="Action">Plain, seal, unseal or reject.</param>
/// <param name="Decision">The rules' decision for these recipients (header actions, template).</param>
/// <param name="RejectReply">The reply of a rejected copy.</param>
/// <param name="PassedUnsealed">A sealing rule matched but the message class is not sealed (counted).</param>
/// <param name="ByThreadRule">Sealed because the message answers a sealed thread.</param>
public sealed record CopyPlan(
    IReadOnlyList<string> Recipients,
    CopyAction Action,
    RecipientDecision Decision,
    SmtpReply? RejectReply = null,
    bool PassedUnsealed = false,
    bool ByThreadRule = false);
