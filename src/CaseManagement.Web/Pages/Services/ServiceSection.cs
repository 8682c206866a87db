using System.Globalization;
using CaseManagement.Web.Forms;
using CaseManagement.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Pages.Services;

/// <summary>
/// One kind of service's details on its page, with the forms that record them. It reads the details
/// for a page someone sees: one of its own forms being sent redirects once saved, so nothing of this
/// section is read (or audited) before its handler runs, and every form renders while the details are
/// unread to receive its post. (Another section's post reads this one: if it is refused, the page
/// shows whole.)
/// </summary>
public abstract class ServiceSection : WebPage
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Text> Texts { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid CaseId { get; set; }

    [Parameter, EditorRequired]
    public Guid EpisodeId { get; set; }

    /// <summary>Whether the service is still running: an ended service's details are read, not added to.</summary>
    [Parameter, EditorRequired]
    public bool Ongoing { get; set; }

    /// <summary>Today as a date field's value.</summary>
    protected string TodayValue => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The names of the section's forms (their <c>@formname</c>).</summary>
    protected abstract IReadOnlyCollection<string> Forms { get; }

    protected override async Task OnInitializedAsync()
    {
        // Blazor names the form a post is for in its "_handler" field: another form of the page (ending the service) shows the details too.
        if (Posted?["_handler"].ToString() is not { } form || !Forms.Contains(form))
        {
            await ReadAsync();
        }
    }

    /// <summary>Reads what the section shows, each through its own audited use case.</summary>
    protected abstract Task ReadAsync();

    /// <summary>
    /// After a form was sent: saved, the service's page again (post, redirect, get); refused, the
    /// details read and the form shown with its errors.
    /// </summary>
    protected async Task AfterAsync(bool saved)
    {
        if (saved)
        {
            Navigation.NavigateTo($"/cases/{CaseId}/services/{EpisodeId}");
            return;
        }

        // A refusal (a colleague who may not write a restricted note, a record gone meanwhile) is said on the form:
        // the section has no page of its own to replace.
        if (Refused is { } status)
        {
            Errors.Add(FormErrors.Form, Texts[status == StatusCodes.Status403Forbidden ? "Refusal.ForbiddenText" : "Refusal.NotFoundText"]);
        }

        Rejected();
        await ReadAsync();
    }

    /// <summary>A field's value as posted, or <paramref name="fallback"/> when its form was not the one sent.</summary>
    protected string? ValueOr(string field, string? fallback) => Posted?.ContainsKey(field) == true ? Value(field) : fallback;
}
