using System.Diagnostics.Metrics;

namespace Mailseal.Portal.Metrics;

/// <summary>
/// The portal's pass-code instrument (docs/observability.md): one counter whose "outcome" tag takes a few fixed
/// values. Never an address, a code, a reference or an envelope id as a tag.
/// </summary>
public sealed class PassCodeMetrics
{
    public const string MeterName = "Mailseal.Portal";

    private readonly Counter<long> _passCodes;

    public PassCodeMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _passCodes = meterFactory.Create(MeterName).CreateCounter<long>("mailseal.portal.passcodes", "{event}",
            "Pass-code events by outcome: issued, rate_limited, sent, send_failed, accepted, failed, locked.");
    }

    /// <summary>A code was issued (whether or not the address is a recipient: the answer is the same).</summary>
    public void Issued() => Add("issued");

    public void RateLimited() => Add("rate_limited");

    /// <summary>A code mail was handed to the gateway and accepted.</summary>
    public void Sent() => Add("sent");

    /// <summary>A code mail could not be written or was not accepted.</summary>
    public void SendFailed() => Add("send_failed");

    public void Accepted() => Add("accepted");

    /// <summary>A wrong, expired or used code.</summary>
    public void Failed() => Add("failed");

    /// <summary>An attempt refused because the recipient is locked, or the failure that set the lock.</summary>
    public void Locked() => Add("locked");

    private void Add(string outcome) => _passCodes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
