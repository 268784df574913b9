namespace Mailseal.Gateway.Front;

/// <summary>What a command handler tells the session loop after it has written its reply.</summary>
internal enum CommandResult
{
    /// <summary>The command failed or changes nothing: the state stays.</summary>
    Stay,

    /// <summary>The command succeeded: move to the table's next state.</summary>
    Advance,

    /// <summary>Close the connection (QUIT, a fatal error).</summary>
    Close,
}
