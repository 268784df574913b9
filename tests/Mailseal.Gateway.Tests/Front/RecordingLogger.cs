using System.Collections.Concurrent;
using Mailseal.Gateway.Front;
using Microsoft.Extensions.Logging;

namespace Mailseal.Gateway.Tests.Front;

/// <summary>Keeps every log line (Trace and up), exceptions included, so tests can look for leaks and failures.</summary>
internal sealed class RecordingLogger : ILogger<GatewayFront>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string AllText => string.Join('\n', Lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
