using System.Text;

namespace Mailseal.Gateway.Tests.Pipeline;

/// <summary>A pickup file split into its envelope lines (X-Sender, X-Receiver) and the message bytes.</summary>
internal sealed record PickupFile(string Sender, IReadOnlyList<string> Receivers, byte[] Message)
{
    public string Text => Encoding.UTF8.GetString(Message);

    public static PickupFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = 0;
        var sender = "";
        var receivers = new List<string>();
        while (true)
        {
            var end = bytes.AsSpan(offset).IndexOf("\r\n"u8);
            var line = Encoding.UTF8.GetString(bytes, offset, end);
            if (line.StartsWith("X-Sender: ", StringComparison.Ordinal))
            {
                sender = line["X-Sender: ".Length..];
            }
            else if (line.StartsWith("X-Receiver: ", StringComparison.Ordinal))
            {
                receivers.Add(line["X-Receiver: ".Length..]);
            }
            else
            {
                break;
            }

            offset += end + 2;
        }

        return new PickupFile(sender, receivers, bytes[offset..]);
    }
}
