using System.Globalization;
using Mailseal.Protection.Envelope;

namespace Mailseal.Portal.PassCodes;

/// <summary>
/// A code mail waiting to be written and sent. Queued alike for recipients and non-recipients; the worker drops
/// the latter. Not a record: nothing prints the code by accident.
/// </summary>
internal sealed class PassCodeMailJob(bool isRecipient, string address, string code, string reference, CultureInfo culture, License license)
{
    public bool IsRecipient { get; } = isRecipient;

    public string Address { get; } = address;

    public string Code { get; } = code;

    public string Reference { get; } = reference;

    public CultureInfo Culture { get; } = culture;

    public License License { get; } = license;

    public override string ToString() => $"{nameof(PassCodeMailJob)} {{ Envelope = {License.EnvelopeIdHex} }}";
}
