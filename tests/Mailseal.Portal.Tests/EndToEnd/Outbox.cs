using System.Diagnostics;
using MimeKit;

namespace Mailseal.Portal.Tests.EndToEnd;

/// <summary>The pickup folder of `mailseal run`: one .eml per delivered copy, X-Sender and X-Receiver lines first.</summary>
internal sealed class Outbox(string directory)
{
    /// <summary>The copies delivered to <paramref name="address"/> so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> For(string address)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*.eml")
            .Select(path => (Path: path, Written: File.GetLastWriteTimeUtc(path)))
            .OrderBy(file => file.Written)
            .Select(file => MimeMessage.Load(file.Path))
            .Where(message => message.Headers.Any(h => h.Field == "X-Receiver" && string.Equals(h.Value.Trim(), address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>Waits (at most a minute) until <paramref name="address"/> has received <paramref name="count"/> copies; returns the newest.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, int count = 1)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var received = For(address);
            if (received.Count >= count)
            {
                return received[count - 1];
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(1), $"{address} received {received.Count} of {count} mails within a minute.");
            await Task.Delay(100);
        }
    }
}
