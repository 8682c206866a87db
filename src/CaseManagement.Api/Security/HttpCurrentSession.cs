using CaseManagement.Application.Common.Interfaces;
using OpenIddict.Abstractions;

namespace CaseManagement.Api.Security;

/// <summary>The session (OpenIddict authorization) named by the request's access token, <c>oi_au_id</c>.</summary>
internal sealed class HttpCurrentSession(IHttpContextAccessor accessor) : ICurrentSession
{
    public Guid? SessionId =>
        Guid.TryParse(accessor.HttpContext?.User.GetAuthorizationId(), out var id) ? id : null;
}
