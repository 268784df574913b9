using Mailseal.Gateway.Front;

namespace Mailseal.Gateway.Tests.Front;

/// <summary>A message as the handler got it: the envelope and the exact bytes of the spool.</summary>
internal sealed record ReceivedMessage(MessageTransaction Transaction, byte[] Bytes);
