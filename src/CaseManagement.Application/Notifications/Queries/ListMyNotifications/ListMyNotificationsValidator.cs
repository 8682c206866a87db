using CaseManagement.Application.Common.Models;
using FluentValidation;

namespace CaseManagement.Application.Notifications.Queries.ListMyNotifications;

public sealed class ListMyNotificationsValidator : AbstractValidator<ListMyNotificationsQuery>
{
    public ListMyNotificationsValidator()
    {
        RuleFor(x => x.PageNumber).ValidPageNumber();
        RuleFor(x => x.PageSize).ValidPageSize();
    }
}
