using System.Text;
using Mailseal.Core.Branding;
using Mailseal.Protection.Wrapper;
using MimeKit;

namespace Mailseal.Protection.Tests.Wrapper;

/// <summary>Fixed inputs for wrapper tests and golden files.</summary>
internal static class WrapperFixtures
{
    public static readonly Uri PortalUrl = new("https://portal.example.org/");

    // Headers as a sender's client folded them, plus ones that must not survive (Bcc above all).
    public const string OriginalHeaderBlock =
        "Received: from client.example.com (client.example.com [192.0.2.10])\r\n"
        + "\tby mx.example.com with ESMTPS id 4AbCdE; Fri, 27 Nov 2026 09:14:03 +0100\r\n"
        + "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=sel; h=from:to; bh=abc=; b=def=\r\n"
        + "From: =?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.com>\r\n"
        + "Sender: Assistant <assistant@example.com>\r\n"
        + "Reply-To: replies@example.com\r\n"
        + "To: Alice Example <alice@example.org>,\r\n"
        + " Bob Example <bob@example.net>\r\n"
        + "Cc: carol@example.org\r\n"
        + "Bcc: secret-dave@example.org\r\n"
        + "Date: Fri, 27 Nov 2026 09:14:00 +0100\r\n"
        + "Subject: =?utf-8?q?Vertrag_f=C3=BCr_das_n=C3=A4chste_Jahr?=\r\n"
        + " =?utf-8?q?_=E2=80=93_bitte_pr=C3=BCfen?=\r\n"
        + "Message-ID: <original.1234@example.com>\r\n"
        + "In-Reply-To: <earlier.5678@example.org>\r\n"
        + "References: <first.1@example.org>\r\n"
        + "\t<earlier.5678@example.org>\r\n"
        + "X-Mailer: Example Mail 1.0\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n"
        + "\r\n";

    public static readonly string[] KeptHeaderNames =
        ["From", "Sender", "To", "Cc", "Date", "Subject", "Message-ID", "In-Reply-To", "References"];

    public static readonly OmeConfiguration Branding = new(
        "Contoso",
        EmailText: "Contoso Legal sent you a protected message.\nPlease read it before Friday.",
        PortalText: "Contoso secure messages");

    /// <summary>A small, fixed stand-in for an envelope: the wrapper treats it as opaque bytes.</summary>
    public static byte[] SmallEnvelope()
    {
        var bytes = new byte[300];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((i * 7) + 3);
        }

        return bytes;
    }

    public static HeaderList OriginalHeaders() =>
        HeaderList.Load(new MemoryStream(Encoding.ASCII.GetBytes(OriginalHeaderBlock)));

    public static async Task<byte[]> BuildWrapperAsync(
        byte[] envelope,
        string language = "en",
        OmeConfiguration? branding = null,
        HeaderList? headers = null,
        Uri? portalUrl = null)
    {
        var builder = new WrapperMailBuilder(new SequentialMimeIdentifierSource());
        var request = new WrapperRequest(
            headers ?? OriginalHeaders(),
            branding ?? Branding,
            language,
            portalUrl ?? PortalUrl,
            new MemoryStream(envelope));
        using var output = new MemoryStream();
        await builder.WriteAsync(request, output);
        return output.ToArray();
    }

    /// <summary>The bytes of the hidden field's value, base64-decoded (line breaks ignored).</summary>
    public static byte[] EnvelopeFromMessageHtml(string html)
    {
        const string Marker = "name=\"envelope\" value=\"";
        var start = html.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "message.html has no envelope field.");
        start += Marker.Length;
        var end = html.IndexOf('"', start);
        var base64 = html[start..end].Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        return Convert.FromBase64String(base64);
    }

    /// <summary>Every line of a CRLF text; fails on a bare CR or LF.</summary>
    public static string[] CrlfLines(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var lines = text.Split("\r\n");
        Assert.DoesNotContain(lines, line => line.Contains('\r', StringComparison.Ordinal) || line.Contains('\n', StringComparison.Ordinal));
        return lines;
    }
}
