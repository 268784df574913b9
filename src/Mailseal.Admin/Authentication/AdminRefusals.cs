using Microsoft.Extensions.Logging;

namespace Mailseal.Admin.Authentication;

/// <summary>The one log line for every request the admin listener refuses: the reason, client and path, never a key.</summary>
internal static partial class AdminRefusals
{
    public const string OutsideAllowedNetworks = "client address not in Admin:AllowedNetworks";
    public const string NoKey = "no API key";
    public const string WrongKey = "wrong, unknown or revoked API key";
    public const string TooManyFailedKeys = "too many failed API keys from this address";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin API request refused: {Reason}, client {ClientAddress}, path {Path}")]
    public static partial void Log(ILogger logger, string reason, string clientAddress, string path);
}
