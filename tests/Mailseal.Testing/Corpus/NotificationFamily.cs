using System.Globalization;
using System.Text;
using MimeKit;
using MimeKit.Utils;
using static Mailseal.Testing.Corpus.CorpusMessage;

namespace Mailseal.Testing.Corpus;

/// <summary>Machine-made mail: calendar invitations, read receipts, delivery reports, auto-replies.</summary>
internal static class NotificationFamily
{
    public static IEnumerable<CorpusFile> Generate()
    {
        string[] methods = ["REQUEST", "REQUEST", "CANCEL", "REPLY"];
        for (var i = 0; i < methods.Length; i++)
        {
            var name = $"calendar-{i + 1:D3}-{methods[i].ToLowerInvariant()}.eml";
            var calendar = new TextPart("calendar");
            calendar.SetText("utf-8", Calendar(name, methods[i]));
            calendar.ContentType.Parameters.Add("method", methods[i]);
            calendar.ContentTransferEncoding = i == 1 ? ContentEncoding.Base64 : ContentEncoding.SevenBit;
            MimeEntity body = i == 1
                ? new Multipart("mixed") { new MultipartAlternative { Text("You are invited: quarterly review.\n"), calendar }, Attachment("application", "ics", "invite.ics", Encoding.UTF8.GetBytes(Calendar(name, methods[i]))) }
                : new MultipartAlternative { Text("You are invited: quarterly review.\n"), Text("<p>You are invited: <b>quarterly review</b>.</p>\n", "html"), calendar };
            yield return ToFile(name, Create(name, $"Invitation: Quarterly review ({methods[i]})", body));
        }

        for (var i = 0; i < 3; i++)
        {
            var name = $"mdn-{i + 1:D3}-read-receipt.eml";
            var fields = $"Reporting-UA: mail.example.org; Mailseal corpus\nFinal-Recipient: rfc822; bruno.ferreira@example.org\nOriginal-Message-ID: <{MessageIdFor("original-disposition-notification")}>\nDisposition: manual-action/MDN-sent-manually; {(i == 2 ? "deleted" : "displayed")}\n";
            var receipt = Create(name, "Read: Delivery schedule", Report("disposition-notification", "Your message was displayed on the recipient's screen.\n", fields, i == 1));
            receipt.From[0] = CorpusPeople.Bruno;
            receipt.To[0] = CorpusPeople.Ada;
            yield return ToFile(name, receipt);
        }

        string[] actions = ["failed", "delayed", "delivered", "failed"];
        for (var i = 0; i < actions.Length; i++)
        {
            var name = $"dsn-{i + 1:D3}-{actions[i]}.eml";
            var status = actions[i] switch { "failed" => i == 0 ? "5.1.1" : "5.2.2", "delayed" => "4.4.1", _ => "2.0.0" };
            var fields = $"Reporting-MTA: dns; mx1.example.com\nArrival-Date: {DateUtils.FormatDate(DateFor(name))}\n\nFinal-Recipient: rfc822; nobody@example.net\nAction: {actions[i]}\nStatus: {status}\nDiagnostic-Code: smtp; {(status[0] == '5' ? "550 5.1.1 mailbox unavailable" : "250 ok")}\n";
            var message = Create(name, $"Delivery Status Notification ({actions[i]})", Report("delivery-status", $"Delivery to nobody@example.net: {actions[i]}.\n", fields, i % 2 == 0));
            message.From[0] = CorpusPeople.Postmaster;
            message.Headers.Add("Auto-Submitted", "auto-replied");
            yield return ToFile(name, message);
        }

        for (var i = 0; i < 4; i++)
        {
            var name = $"autoreply-{i + 1:D3}.eml";
            var message = Create(name, "Automatic reply: Delivery schedule", Text(i == 1 ? CorpusText.German : "I am out of the office until 16 March and will read your message after my return.\n"));
            message.From[0] = CorpusPeople.Bruno;
            message.To[0] = CorpusPeople.Ada;
            message.Headers.Add("Auto-Submitted", i == 3 ? "auto-generated" : "auto-replied");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
            message.InReplyTo = MessageIdFor("alt-001-plain-html.eml");
            if (i == 2)
            {
                message.Headers.Add("Precedence", "auto_reply");
            }

            yield return ToFile(name, message);
        }
    }

    private static Multipart Report(string reportType, string humanText, string fields, bool withOriginalMessage)
    {
        var machine = new MimePart("message", reportType) { Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(fields))), ContentTransferEncoding = ContentEncoding.SevenBit };
        var original = Create("original-" + reportType, "Delivery schedule", Text(CorpusText.English));
        MimeEntity third = withOriginalMessage
            ? new MessagePart { Message = original }
            : new MimePart("text", "rfc822-headers") { Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(HeadersOf(original)))), ContentTransferEncoding = ContentEncoding.SevenBit };
        var report = new Multipart("report") { Text(humanText), machine, third };
        report.ContentType.Parameters.Add("report-type", reportType);
        return report;
    }

    private static string HeadersOf(MimeMessage message)
    {
        var builder = new StringBuilder();
        foreach (var header in message.Headers)
        {
            builder.Append(header.Field).Append(": ").Append(header.Value).Append('\n');
        }

        return builder.ToString();
    }

    private static string Calendar(string name, string method)
    {
        var start = DateFor(name).UtcDateTime.AddDays(7);
        string Stamp(DateTime time) => time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return "BEGIN:VCALENDAR\nPRODID:-//Mailseal//Corpus//EN\nVERSION:2.0\nMETHOD:" + method + "\nBEGIN:VEVENT\n" +
            $"UID:{SeededBytes.StableHash(name):x16}@corpus.example.com\nDTSTAMP:{Stamp(start.AddDays(-7))}\nDTSTART:{Stamp(start)}\nDTEND:{Stamp(start.AddHours(1))}\n" +
            "SUMMARY:Quarterly review\nLOCATION:Room 2.14\nORGANIZER;CN=Ada Lindqvist:mailto:ada.lindqvist@example.com\n" +
            "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;\n CN=Bruno Ferreira:mailto:bruno.ferreira@example.org\n" +
            $"STATUS:{(method == "CANCEL" ? "CANCELLED" : "CONFIRMED")}\nSEQUENCE:0\nEND:VEVENT\nEND:VCALENDAR\n";
    }
}
