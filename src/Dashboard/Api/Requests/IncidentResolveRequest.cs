using System.ComponentModel;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>Body of <c>POST /api/incidents/{id}/resolve</c>.</summary>
public sealed record IncidentResolveRequest(
    [property: Description("Who resolved it (the signed-in person with sign-in).")] string? By,
    [property: Description("What was wrong and what fixed it: kept in the history of the incident's alert and of every alert it absorbed.")] string? Note = null)
    : IValidatedBody<IncidentResolveRequest>
{
    public static void Validate(IncidentResolveRequest body, FieldErrors errors, HttpContext http)
    {
        errors.Text("by", body.By, maxLength: 128);
        errors.Text("note", body.Note, maxLength: 1000);
    }
}
