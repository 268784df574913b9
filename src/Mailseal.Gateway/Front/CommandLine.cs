namespace Mailseal.Gateway.Front;

/// <summary>A command line read from the client (text without CRLF when <see cref="Status"/> is Line).</summary>
internal readonly record struct CommandLine(LineStatus Status, string Text);
