namespace Mailseal.Cli.Tests.Postfix;

/// <summary>Waits for something that another process does (Postfix, the gateway); the limit only stops a hung test.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<T> WaitAsync<T>(Func<Task<T?>> probe, string what, Func<Task<string>>? diagnostics = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                var detail = diagnostics is null ? "" : "\n" + await diagnostics();
                Assert.Fail($"Gave up waiting for {what}.{detail}");
            }

            await Task.Delay(50);
        }
    }

    public static Task WaitAsync(Func<Task<bool>> condition, string what, Func<Task<string>>? diagnostics = null) =>
        WaitAsync(async () => await condition() ? string.Empty : null, what, diagnostics);
}
