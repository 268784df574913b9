using Mailseal.Core.Administration;
using Mailseal.Core.Configuration;
using Microsoft.AspNetCore.Http;

namespace Mailseal.Admin.Api;

/// <summary>Maps the admin service's refusals to problems in one place; anything else stays a server error.</summary>
internal sealed class AdminProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (AdminValidationException ex)
        {
            return AdminProblems.Validation(ex);
        }
        catch (ConfigurationDocumentException ex)
        {
            return AdminProblems.Validation(new AdminValidationException("Document", ex.Message, ex));
        }
        catch (AdminRequestBodyException ex)
        {
            return AdminProblems.Body(ex);
        }
        catch (AdminObjectNotFoundException ex)
        {
            return AdminProblems.NotFound(ex);
        }
        catch (AdminConflictException ex)
        {
            return AdminProblems.Conflict(ex);
        }
    }
}
