using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Mailseal.PowerShell.Tests;

/// <summary>
/// A PowerShell runspace with the Mailseal module imported from its manifest, as `Import-Module Mailseal` does:
/// the cmdlets, the format and types files, and the MAML help.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    public static readonly string ModuleManifest = Path.Combine(AppContext.BaseDirectory, "Mailseal.psd1");

    private readonly Runspace _runspace;

    public PowerShellSession()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(ModuleManifest);
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    /// <summary>Runs a script; fails the test on any error, terminating or not.</summary>
    public Collection<PSObject> Run(string script, params (string Name, object? Value)[] variables)
    {
        using var shell = Prepare(script, variables);
        var output = shell.Invoke();
        Assert.False(shell.HadErrors, $"The script wrote errors:\n{string.Join('\n', shell.Streams.Error)}\n{script}");
        return output;
    }

    /// <summary>
    /// Runs a script that must stop with a terminating error, and returns that error. A terminating error ends the
    /// script (try/catch sees it); a non-terminating one would not, and fails the test.
    /// </summary>
    public ErrorRecord Terminates(string script, params (string Name, object? Value)[] variables)
    {
        using var shell = Prepare($"$caught = $null; try {{ {script} }} catch {{ $caught = $_ }}; $caught", variables);
        var caught = shell.Invoke();
        var error = Assert.Single(caught, o => o?.BaseObject is ErrorRecord);
        return (ErrorRecord)error.BaseObject;
    }

    /// <summary>Runs a script and returns the non-terminating errors it wrote (the script itself goes on).</summary>
    public IReadOnlyList<ErrorRecord> Errors(string script, params (string Name, object? Value)[] variables)
    {
        using var shell = Prepare(script, variables);
        shell.Invoke();
        return [.. shell.Streams.Error];
    }

    public void Connect(AdminApiServer server) =>
        Run("Connect-Mailseal -Uri $uri -ApiKey $key", ("uri", server.Uri), ("key", server.ApiKey));

    public void Dispose() => _runspace.Dispose();

    private System.Management.Automation.PowerShell Prepare(string script, (string Name, object? Value)[] variables)
    {
        var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        foreach (var (name, value) in variables)
        {
            _runspace.SessionStateProxy.SetVariable(name, value);
        }

        shell.AddScript(script);
        return shell;
    }
}
