namespace Mailseal.Core.Classification;

/// <summary>The values of Exchange's MessageTypeMatches predicate. A message may have several.</summary>
public enum MessageType
{
    OOF,
    AutoForward,
    Encrypted,
    Calendaring,
    PermissionControlled,
    Voicemail,
#pragma warning disable CA1720 // Exchange's own value name.
    Signed,
#pragma warning restore CA1720
    ApprovalRequest,
    ReadReceipt,
}
