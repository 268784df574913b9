using Mailseal.Core.Administration;
using Microsoft.AspNetCore.Http;

namespace Mailseal.Admin.Api;

/// <summary>The admin API's RFC 7807 answers, each with its "kind" (docs/admin-api.md).</summary>
internal static class AdminProblems
{
    public const string BodyField = "Body";

    public static IResult Validation(AdminValidationException ex) => Problem(StatusCodes.Status400BadRequest, "The request is not valid.", ex.Message, "validation",
        new() { ["field"] = ex.Field, ["limit"] = ex.Limit });

    public static IResult Body(AdminRequestBodyException ex) => Problem(StatusCodes.Status400BadRequest, "The request is not valid.",
        $"The request body is not valid JSON for this route: {ex.Message}", "validation",
        new() { ["field"] = BodyField, ["limit"] = "must be the JSON this route takes (docs/admin-api.md)" });

    public static IResult NotFound(AdminObjectNotFoundException ex) => Problem(StatusCodes.Status404NotFound, "The object does not exist.", ex.Message, "not-found",
        new() { ["objectKind"] = ex.Kind, ["identity"] = ex.Identity });

    public static IResult Conflict(AdminConflictException ex) => Problem(StatusCodes.Status409Conflict, "The object exists already.", ex.Message, "conflict",
        new() { ["objectKind"] = ex.Kind, ["identity"] = ex.Identity });

    public static IResult Unauthorized() => Problem(StatusCodes.Status401Unauthorized, "An admin API key is required.",
        "Send a valid admin API key as \"Authorization: Bearer <key>\".", "unauthorized", []);

    public static IResult Forbidden() => Problem(StatusCodes.Status403Forbidden, "The client is not allowed.",
        "The admin listener does not accept requests from this address.", "forbidden", []);

    public static IResult TooManyFailedKeys() => Problem(StatusCodes.Status429TooManyRequests, "Too many wrong admin API keys.",
        "This address sent too many wrong admin API keys; wait for the time in Retry-After.", "too-many-failed-keys", []);

    private static IResult Problem(int status, string title, string detail, string kind, Dictionary<string, object?> extensions)
    {
        extensions["kind"] = kind;
        return Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
    }
}
