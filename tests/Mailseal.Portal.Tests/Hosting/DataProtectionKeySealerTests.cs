using System.Security.Cryptography;
using System.Xml.Linq;
using Mailseal.Core.Keys;
using Mailseal.Portal.Hosting;
using Mailseal.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace Mailseal.Portal.Tests.Hosting;

public sealed class DataProtectionKeySealerTests
{
    private static readonly XElement MasterKey = XElement.Parse("<masterKey><value>c2VjcmV0LW1hc3Rlci1rZXk=</value></masterKey>");

    private readonly RecordingLogger<DataProtectionKeySealer> _logs = new();
    private readonly DataProtectionKeySealer _sealer;

    public DataProtectionKeySealerTests() =>
        _sealer = new DataProtectionKeySealer(new KeyEncryptionKey(RandomNumberGenerator.GetBytes(32)), _logs);

    [Fact]
    public void Open_WhatWasSealed_ReturnsTheElementWhichNeverAppearsInClear()
    {
        var sealedSecret = _sealer.Seal(MasterKey);

        Assert.DoesNotContain("c2VjcmV0", sealedSecret.ToString(), StringComparison.Ordinal);
        Assert.Equal(MasterKey.ToString(), _sealer.Open(sealedSecret).ToString());
    }

    [Fact]
    public void Open_CiphertextChanged_ThrowsAndLogsError()
    {
        var sealedSecret = _sealer.Seal(MasterKey);
        var bytes = Convert.FromBase64String(sealedSecret.Value);
        bytes[^1] ^= 1;
        sealedSecret.Value = Convert.ToBase64String(bytes);

        Assert.Throws<CryptographicException>(() => _sealer.Open(sealedSecret));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("changed or is damaged", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_SealedByAnotherKekRelabelledAsThisOne_Throws()
    {
        var other = new DataProtectionKeySealer(new KeyEncryptionKey(RandomNumberGenerator.GetBytes(32)), new RecordingLogger<DataProtectionKeySealer>());
        var foreign = other.Seal(MasterKey);
        foreign.SetAttributeValue("kek", _sealer.Seal(MasterKey).Attribute("kek")!.Value);

        Assert.Throws<CryptographicException>(() => _sealer.Open(foreign));
    }
}
