namespace Mailseal.Portal.Replying;

/// <summary>A file the replier attached. The name is cleaned and the type checked before it is sent.</summary>
public sealed record ReplyAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
