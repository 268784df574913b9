namespace Mailseal.Protection;

/// <summary>
/// Gives a fresh readable, writable, seekable stream that the caller disposes — in a host, a temporary
/// file deleted on close, so that a 25 MB message never sits in memory whole. Protection itself does no
/// file I/O; the host registers the factory.
/// </summary>
public delegate Stream SpoolFactory();
