using MimeKit;

namespace Mailseal.Portal.Tests.Viewing;

public sealed class HostileBodyTests
{
    /// <summary>Issue 4's attack body, and more: each line tries to run script or load something.</summary>
    public const string Attack = """
        <html><head><base href="https://evil.example/base/"><meta http-equiv="refresh" content="0;url=https://evil.example/meta">
        <link rel="stylesheet" href="https://evil.example/link.css">
        <style>@import url(https://evil.example/import.css); p.x { background-image: url('https://evil.example/sheet.png'); color: green } .keep { color: blue }</style></head>
        <body onload="alert(1)">
        <p class="keep">Benign text stays.</p>
        <script>alert('script')</script>
        <img src="//evil.example/scheme-relative.png"><img src="https://evil.example/absolute.png"><img src="relative.png">
        <img srcset="https://evil.example/srcset.png 1x"><img src="x" onerror="alert(2)">
        <form action="https://evil.example/form"><input name="q" value="secret"><button>Go</button><p>Text in a form</p></form>
        <div style="background:url(https://evil.example/style.png);color:red">Styled</div>
        <div style="background:u\72l(https://evil.example/escaped.png)">Escaped</div>
        <div style="background-image:image-set('https://evil.example/set.png' 1x)">Image set</div>
        <a href="javascript:alert(3)">js link</a><a href="JaVaScRiPt&#58;alert(4)">js entity</a><a href="vbscript:msgbox(5)">vb link</a>
        <a href="data:text/html,<script>alert(6)</script>">data link</a>
        <a href="https://example.com/page">Real link</a>
        <iframe src="https://evil.example/frame"></iframe><object data="https://evil.example/object"></object><embed src="https://evil.example/embed">
        <video poster="https://evil.example/poster.png" src="https://evil.example/video.mp4"></video><audio src="https://evil.example/audio.mp3"></audio>
        <table background="https://evil.example/table.png"><tr><td background="cid:logo@example.org">Cell</td></tr></table>
        <svg><image href="https://evil.example/svg.png"></image></svg>
        <noscript><p title="</noscript><img src=https://evil.example/noscript.png>">x</p></noscript>
        <img src="cid:logo@example.org" alt="Logo">
        </body></html>
        """;

    [Fact]
    public void Build_AttackBody_RemovesEveryScriptAndLoadButKeepsTextLinksAndInlineImage()
    {
        var message = ViewMessages.With(ViewMessages.Related(Attack, ViewMessages.Image("logo@example.org")));

        var view = ViewMessages.Builder().Build(message);
        var body = view.BodyDocument;

        foreach (var forbidden in new[]
        {
            "evil.example", "<script", "alert", "javascript", "vbscript", "data:text", "onload", "onerror", "<base", "<form", "<input",
            "<button", "<iframe", "<object", "<embed", "<link", "http-equiv", "<video", "<audio", "<svg", "<noscript", "srcset", "@import",
            "url(", "image-set", "relative.png", "secret",
        })
        {
            Assert.DoesNotContain(forbidden, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.StartsWith("<!DOCTYPE html>", body, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", body, StringComparison.Ordinal);
        Assert.Contains("Benign text stays.", body, StringComparison.Ordinal);
        Assert.Contains("Text in a form", body, StringComparison.Ordinal);
        Assert.Contains("<p class=\"keep\">Benign text stays.</p>", body, StringComparison.Ordinal);
        Assert.Contains(".keep { color: rgba(0, 0, 255, 1) }", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/page\" target=\"_blank\" rel=\"noopener noreferrer\">Real link</a>", body, StringComparison.Ordinal);
        var dataUri = "data:image/png;base64," + Convert.ToBase64String(ViewMessages.Png);
        Assert.Contains($"<img src=\"{dataUri}\" alt=\"Logo\">", body, StringComparison.Ordinal);
        Assert.Contains($"background=\"{dataUri}\"", body, StringComparison.Ordinal);
        Assert.Empty(view.Attachments);
    }

    [Fact]
    public void Build_TextBody_IsEscapedNotInterpreted()
    {
        var view = ViewMessages.Builder().Build(ViewMessages.With(ViewMessages.Text("<script>alert(1)</script> & <b>bold</b>\nline two")));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;\nline two", view.BodyDocument, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", view.BodyDocument, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CidOfUnknownOrNonImagePart_LoadsNothing()
    {
        var notAnImage = new MimePart("text", "html") { Content = new MimeContent(new MemoryStream("<script>x</script>"u8.ToArray())), ContentId = "page@x" };
        var message = ViewMessages.With(ViewMessages.Related("<img src=\"cid:missing@x\"><img src=\"cid:page@x\"><a href=\"cid:page@x\">a</a>", notAnImage));

        var view = ViewMessages.Builder().Build(message);

        Assert.DoesNotContain("src=", view.BodyDocument, StringComparison.Ordinal);
        Assert.DoesNotContain("href=", view.BodyDocument, StringComparison.Ordinal);
        Assert.Single(view.Attachments);
    }

    [Fact]
    public void Build_HeadersWithBccAndDirectionOverrides_ShowsNoBccAndCleanText()
    {
        var message = ViewMessages.With(ViewMessages.Text("x"), m =>
        {
            m.Bcc.Add(new MailboxAddress("Secret", "secret@example.org"));
            m.From.Clear();
            m.From.Add(new MailboxAddress("Bank\u202Egro.elpmaxe@ecivres\u202C", "attacker@example.com"));
            m.Subject = "Pay\tnow\u0000 please";
        });

        var headers = ViewMessages.Builder().Build(message).Headers;

        Assert.Equal(["Bankgro.elpmaxe@ecivres <attacker@example.com>"], headers.From);
        Assert.Equal(["Bruno <bruno@example.net>"], headers.To);
        Assert.Empty(headers.Cc);
        Assert.Equal("Pay now please", headers.Subject);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero), headers.Date);
        Assert.DoesNotContain(headers.From.Concat(headers.To).Concat(headers.Cc), a => a.Contains("secret", StringComparison.OrdinalIgnoreCase));
    }
}
