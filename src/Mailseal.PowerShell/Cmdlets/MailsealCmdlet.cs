using System.Management.Automation;
using System.Net;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>
/// The base of every admin cmdlet: calls the admin API of the current connection and turns its refusals into
/// ErrorRecords. Validation, sign-in and connection failures stop the pipeline (terminating); a missing or
/// existing object is reported for that input only, so the rest of a pipeline goes on.
/// </summary>
public abstract class MailsealCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>True when the caller bound <paramref name="parameter"/>, even to $null or "".</summary>
    protected bool IsBound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

    protected TResult Call<TResult>(string route, object? body, object target) =>
        Run(client => client.PostAsync<TResult>(route, body, _stopping.Token), target, out var result) ? result! : default!;

    /// <summary>Calls an operation; false when it was refused non-terminatingly (the error is written).</summary>
    protected bool Call(string route, object? body, object target) =>
        Run(async client =>
        {
            await client.PostAsync(route, body, _stopping.Token);
            return true;
        }, target, out _);

    /// <summary>Writes the result, or nothing when the call was refused for this input.</summary>
    protected void CallAndWrite<TResult>(string route, object? body, object target, bool enumerate = false)
    {
        if (Run(client => client.PostAsync<TResult>(route, body, _stopping.Token), target, out var result))
        {
            WriteObject(result, enumerate);
        }
    }

    private bool Run<TResult>(Func<AdminApiClient, Task<TResult>> call, object target, out TResult? result)
    {
        var client = MailsealConnection.Current ?? throw Terminate(new ErrorRecord(
            new InvalidOperationException("Not connected: run Connect-Mailseal -Uri … -ApiKey … first."),
            "NotConnected", ErrorCategory.ConnectionError, target));
        try
        {
            result = call(client).GetAwaiter().GetResult();
            return true;
        }
        catch (AdminApiException ex) when (ex.Kind is "not-found" or "conflict")
        {
            WriteError(new ErrorRecord(ex, ErrorIds.For(ex), ex.Kind == "conflict" ? ErrorCategory.ResourceExists : ErrorCategory.ObjectNotFound, target));
            result = default;
            return false;
        }
        catch (AdminApiException ex)
        {
            var category = ex.Kind switch
            {
                "validation" => ErrorCategory.InvalidArgument,
                "unauthorized" => ErrorCategory.AuthenticationError,
                "forbidden" => ErrorCategory.PermissionDenied,
                _ => ex.Status >= HttpStatusCode.InternalServerError ? ErrorCategory.InvalidResult : ErrorCategory.NotSpecified,
            };
            throw Terminate(new ErrorRecord(ex, ErrorIds.For(ex), category, target));
        }
        catch (HttpRequestException ex)
        {
            throw Terminate(new ErrorRecord(ex, "ConnectionFailed", ErrorCategory.ConnectionError, client.BaseAddress));
        }
        catch (TaskCanceledException ex) when (!_stopping.IsCancellationRequested)
        {
            throw Terminate(new ErrorRecord(ex, "Timeout", ErrorCategory.OperationTimeout, client.BaseAddress));
        }
    }

    /// <summary>ThrowTerminatingError never returns; the exception keeps the compiler's flow analysis honest.</summary>
    private PipelineStoppedException Terminate(ErrorRecord record)
    {
        ThrowTerminatingError(record);
        return new PipelineStoppedException();
    }
}
