using Mailseal.Core.Administration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mailseal.Admin.Api;

/// <summary>
/// Maps one admin service operation to "POST {group}/{path}" with the API's convention: the body read strictly as
/// <c>TBody</c>, the caller as actor "api-key:&lt;key name&gt;", the result as 200 JSON, or 204 when there is none.
/// </summary>
internal sealed class AdminRoutes(RouteGroupBuilder group)
{
    /// <summary>An operation without parameters (body <c>{}</c> or empty).</summary>
    public void Query<TResult>(string path, Func<AdminService, CancellationToken, Task<TResult>> operation) =>
        group.MapPost(path, async (HttpContext context, CancellationToken cancellationToken) =>
            Ok(await operation(Service(context), cancellationToken)));

    public void Call<TBody, TResult>(string path, Func<AdminService, TBody, AdminActor, CancellationToken, Task<TResult>> operation) =>
        group.MapPost(path, async (HttpContext context, CancellationToken cancellationToken) =>
        {
            var body = await ReadAsync<TBody>(context, cancellationToken);
            return Ok(await operation(Service(context), body, Actor(context), cancellationToken));
        });

    public void Command<TBody>(string path, Func<AdminService, TBody, AdminActor, CancellationToken, Task> operation) =>
        group.MapPost(path, async (HttpContext context, CancellationToken cancellationToken) =>
        {
            var body = await ReadAsync<TBody>(context, cancellationToken);
            await operation(Service(context), body, Actor(context), cancellationToken);
            return Results.NoContent();
        });

    private static IResult Ok<TResult>(TResult result) => Results.Json(result, AdminJson.Options);

    private static AdminService Service(HttpContext context) => context.RequestServices.GetRequiredService<AdminService>();

    /// <summary>The authentication handler named the principal after the key; without one the request never gets here.</summary>
    private static AdminActor Actor(HttpContext context) =>
        AdminActor.ApiKey(context.User.Identity?.Name ?? throw new InvalidOperationException("An admin API request reached a route without an authenticated key."));

    private static Task<TBody> ReadAsync<TBody>(HttpContext context, CancellationToken cancellationToken) =>
        AdminJson.ReadAsync<TBody>(context, context.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.MaxRequestBodyBytes, cancellationToken);
}
