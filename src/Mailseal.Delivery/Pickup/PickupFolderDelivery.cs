using System.Text;
using Microsoft.Extensions.Logging;

namespace Mailseal.Delivery.Pickup;

/// <summary>
/// The embedded default: each copy becomes one file in the pickup folder, in the Exchange/IIS pickup format
/// (X-Sender and X-Receiver lines, then the message). The file is written under a temporary name, fsynced,
/// renamed to *.eml and the folder fsynced before success is reported; nothing is ever left half-written
/// under the final name.
/// </summary>
public sealed partial class PickupFolderDelivery : IMessageDelivery
{
    private const int BufferSize = 64 * 1024;

    private readonly TimeProvider _time;
    private readonly ILogger<PickupFolderDelivery> _logger;

    public PickupFolderDelivery(string directory, TimeProvider time, ILogger<PickupFolderDelivery> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        _time = time;
        _logger = logger;
    }

    /// <summary>The pickup folder (absolute).</summary>
    public string Directory { get; }

    /// <summary>A file is written whole: nothing goes ahead of the content.</summary>
    public Task<IDeliveryTransaction> BeginAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        envelope.Validate();
        return Task.FromResult<IDeliveryTransaction>(new WholeMessageTransaction(this, envelope));
    }

    public async Task<DeliveryResult> DeliverAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Validate();
        var name = PickupFileName.Next(_time.GetUtcNow());
        var temporary = Path.Combine(Directory, PickupFileName.Temporary(name));
        var committed = false;
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            await WriteAsync(temporary, message, cancellationToken);
            File.Move(temporary, Path.Combine(Directory, name), overwrite: false);
            committed = true;
            DirectorySync.Flush(Directory);
            return DeliveryResult.ForAll(message.Recipients, DeliveryStatus.Delivered, $"Written to the pickup folder as {name}.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogFailure(_logger, Directory, ex.Message);
            if (committed)
            {
                // The folder entry may not be durable: withdraw the file so the sender's retry is the only copy.
                TryDelete(Path.Combine(Directory, name));
            }

            return DeliveryResult.ForAll(message.Recipients, DeliveryStatus.TransientFailure,
                $"Cannot write to the pickup folder: {ex.Message}");
        }
        finally
        {
            if (!committed)
            {
                TryDelete(temporary);
            }
        }
    }

    private static async Task WriteAsync(string path, OutboundMessage message, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = BufferSize,
            Options = FileOptions.Asynchronous,
        };
        await using var file = new FileStream(path, options);
        await file.WriteAsync(EnvelopeLines(message), cancellationToken);
        await message.Content.CopyToAsync(file, BufferSize, cancellationToken);
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
    }

    private static byte[] EnvelopeLines(OutboundMessage message)
    {
        var lines = new StringBuilder();
        lines.Append("X-Sender: ").Append(message.Sender.Length == 0 ? "<>" : message.Sender).Append("\r\n");
        foreach (var recipient in message.Recipients)
        {
            lines.Append("X-Receiver: ").Append(recipient).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(lines.ToString());
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogCleanupFailure(_logger, path, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot write to the pickup folder {Directory}: {Error}")]
    private static partial void LogFailure(ILogger logger, string directory, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot remove {Path} after a failed delivery: {Error}")]
    private static partial void LogCleanupFailure(ILogger logger, string path, string error);
}
