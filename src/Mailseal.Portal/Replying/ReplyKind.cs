namespace Mailseal.Portal.Replying;

/// <summary>What the replier asked for; it decides the recipients (docs/portal-reading.md).</summary>
public enum ReplyKind
{
    /// <summary>To the original's Reply-To, or its From.</summary>
    Reply,

    /// <summary>As Reply, plus the original's other To and Cc recipients; never its Bcc, never the replier.</summary>
    ReplyAll,

    /// <summary>Only to the addresses given; the original goes along as an attached message.</summary>
    Forward,
}
