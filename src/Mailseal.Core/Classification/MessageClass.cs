namespace Mailseal.Core.Classification;

/// <summary>What kind of message this is, as the pipeline decides whether to seal it. Only <see cref="Ordinary"/> is sealed.</summary>
public enum MessageClass
{
    Ordinary,
    Encrypted,
    PermissionControlled,
    ReadReceipt,
    DeliveryReport,
    Calendaring,
    AutoReply,
    AutoForward,
    Voicemail,
    ApprovalRequest,
}
