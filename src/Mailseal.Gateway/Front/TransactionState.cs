namespace Mailseal.Gateway.Front;

/// <summary>The envelope being collected between MAIL and the end of DATA.</summary>
internal sealed class TransactionState
{
    public string ReversePath { get; set; } = string.Empty;

    public List<string> Recipients { get; } = [];

    public long? DeclaredSize { get; set; }

    public BodyType BodyType { get; set; }

    public bool SmtpUtf8 { get; set; }

    public void Clear()
    {
        ReversePath = string.Empty;
        Recipients.Clear();
        DeclaredSize = null;
        BodyType = BodyType.Unspecified;
        SmtpUtf8 = false;
    }
}
