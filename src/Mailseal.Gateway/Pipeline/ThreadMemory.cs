using Mailseal.Core.Tracking;
using Mailseal.Protection.Keys;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mailseal.Gateway.Pipeline;

/// <summary>The thread rule's memory: hashed Message-IDs of what was sealed or unsealed (<see cref="ThreadKeys"/>).</summary>
public sealed class ThreadMemory(IThreadStore store, ITenantKeyRing keyRing, IOptions<PipelineOptions> options, TimeProvider time)
{
    /// <summary>True when the message answers a remembered Message-ID.</summary>
    public async Task<bool> AnswersSealedThreadAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var ids = ThreadKeys.AnsweredIds(message);
        if (ids.Count == 0)
        {
            return false;
        }

        var tenant = await keyRing.GetTenantIdAsync(cancellationToken);
        var hashes = ids.Select(id => (ReadOnlyMemory<byte>)ThreadKeys.Hash(tenant, id)).ToList();
        return await store.AnyKnownAsync(hashes, time.GetUtcNow(), cancellationToken);
    }

    public async Task RememberAsync(string messageId, CancellationToken cancellationToken)
    {
        var tenant = await keyRing.GetTenantIdAsync(cancellationToken);
        await store.RememberAsync(ThreadKeys.Hash(tenant, messageId), time.GetUtcNow() + options.Value.ThreadExpiry, cancellationToken);
    }
}
