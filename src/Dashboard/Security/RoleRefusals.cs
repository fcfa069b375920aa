using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CxLive.Dashboard.Security;

/// <summary>
/// Keeps the roles a refused request needed, for its 403 to name them ("it needs admin"): an
/// integrator's trial got "your role does not allow this" and could not tell whom to ask.
/// </summary>
public sealed class RoleRefusals : IAuthorizationMiddlewareResultHandler
{
    private const string NeededKey = "cx.roles-needed";
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RolesAuthorizationRequirement>().FirstOrDefault() is { } roles)
        {
            context.Items[NeededKey] = roles.AllowedRoles;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>Why a request was refused, with the roles it needed when a role policy refused it.</summary>
    public static string Why(HttpContext context) =>
        context.Items.TryGetValue(NeededKey, out var needed) && needed is IEnumerable<string> roles && roles.Any()
            ? $"your role does not allow this: it needs {string.Join(" or ", roles)}"
            : "your role does not allow this";
}
