using System.Security.Cryptography;
using Mailseal.Benchmarks;

namespace Mailseal.GatewayBench;

/// <summary>
/// Work that every sealed copy must do besides the parts issue 3's targets count (<see cref="UnavoidableCosts"/>): the
/// content key's RSA-OAEP wrap (the envelope format) and SHA-256 over the wrapper's body (DKIM's body hash, which
/// covers the envelope's signature, so it runs between the two signatures). Printed beside the targets, not judged:
/// it tells how much of the latency bound's 30 % the format itself takes.
/// </summary>
internal sealed record FormatCosts(Cost KeyWrap, Cost BodyHash, int WrapperBytes)
{
    public double WallMs => KeyWrap.WallMs + BodyHash.WallMs;

    public static FormatCosts Measure(int wrapperBytes)
    {
        using var raw = new RawBound();
        var body = RandomNumberGenerator.GetBytes(wrapperBytes);
        return new FormatCosts(
            UnavoidableCosts.MeasureOne(400, () => raw.Wrap()),
            UnavoidableCosts.MeasureOne(2000, () => SHA256.HashData(body)),
            wrapperBytes);
    }
}
