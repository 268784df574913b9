using System.Runtime.InteropServices;

namespace Mailseal.Cli.Tests.Postfix;

/// <summary>SIGTERM, SIGSTOP and SIGCONT through libc: .NET sends only SIGKILL, and a `kill` child process is too slow to step a process.</summary>
internal static partial class ProcessSignals
{
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;

    public static void Terminate(int processId) => Send(processId, SigTerm);

    public static void Stop(int processId) => Send(processId, SigStop);

    public static void Continue(int processId) => Send(processId, SigCont);

    private static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
