using System.Text;
using MimeKit;

namespace Mailseal.Portal.Tests.EndToEnd;

/// <summary>The envelope a wrapper mail carries, as message.html's hidden field holds it.</summary>
internal static class WrapperEnvelope
{
    /// <summary>The field's base64 text, line breaks included.</summary>
    public static string Base64(MimeMessage wrapper)
    {
        var html = (MimePart)wrapper.Attachments.Single(part => part is MimePart { FileName: "message.html" });
        using var content = new MemoryStream();
        html.Content!.DecodeTo(content);
        var text = Encoding.UTF8.GetString(content.ToArray());
        const string field = "name=\"envelope\" value=\"";
        var start = text.IndexOf(field, StringComparison.Ordinal) + field.Length;
        return text[start..text.IndexOf('"', start)];
    }

    public static byte[] Bytes(MimeMessage wrapper) =>
        Convert.FromBase64String(string.Concat(Base64(wrapper).Where(c => !char.IsWhiteSpace(c))));
}
