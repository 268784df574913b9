using System.Diagnostics;
using System.Security.Cryptography;
using Mailseal.Benchmarks;

namespace Mailseal.GatewayBench;

/// <summary>
/// The parts of sealing a message that no gateway can skip, measured in this process right beside the load:
/// the envelope's RSA-2048 PSS-SHA256 signature, the DKIM RSA-2048 PKCS#1 SHA-256 signature, and AES-256-GCM with
/// base64 over the message's bytes. Each as CPU time per operation (process CPU over a loop) and median wall time.
/// </summary>
internal sealed record UnavoidableCosts(Cost EnvelopeSignature, Cost DkimSignature, Cost AesAndBase64)
{
    /// <summary>The fields a DKIM signature's header hash covers on a wrapper: about this many bytes.</summary>
    private const int DkimSignedHeaderBytes = 600;

    public double CpuMs => EnvelopeSignature.CpuMs + DkimSignature.CpuMs + AesAndBase64.CpuMs;

    public double WallMs => EnvelopeSignature.WallMs + DkimSignature.WallMs + AesAndBase64.WallMs;

    public static UnavoidableCosts Measure(byte[] message)
    {
        using var raw = new RawBound();
        using var dkimKey = RSA.Create(2048);
        var headers = RandomNumberGenerator.GetBytes(DkimSignedHeaderBytes);
        return new UnavoidableCosts(
            MeasureOne(400, () => raw.Sign()),
            MeasureOne(400, () => dkimKey.SignData(headers, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            MeasureOne(2000, () => raw.EncryptAndEncode(message)));
    }

    /// <summary>CPU per operation over <paramref name="iterations"/> runs after a tenth as many to warm up, and the median wall time.</summary>
    public static Cost MeasureOne(int iterations, Action operation)
    {
        for (var i = 0; i < iterations / 10; i++)
        {
            operation();
        }

        var walls = new double[iterations];
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            operation();
            walls[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / iterations;
        Array.Sort(walls);
        return new Cost(cpu, walls[iterations / 2]);
    }
}
