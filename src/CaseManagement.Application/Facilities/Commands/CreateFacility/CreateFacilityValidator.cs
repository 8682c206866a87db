using CaseManagement.Application.Common.Validation;
using CaseManagement.Domain.Facilities;
using FluentValidation;

namespace CaseManagement.Application.Facilities.Commands.CreateFacility;

public sealed class CreateFacilityValidator : AbstractValidator<CreateFacilityCommand>
{
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 500;

    public CreateFacilityValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(MaxNameLength).Line();
        RuleFor(x => x.Address).MaximumLength(MaxAddressLength).Paragraph();
        RuleFor(x => x.Places).InclusiveBetween(1, Facility.MaxPlaces);
    }
}
