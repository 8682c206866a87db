using CaseManagement.Application.Common.Validation;
using CaseManagement.Application.Facilities.Commands.CreateFacility;
using CaseManagement.Domain.Facilities;
using FluentValidation;

namespace CaseManagement.Application.Facilities.Commands.UpdateFacility;

public sealed class UpdateFacilityValidator : AbstractValidator<UpdateFacilityCommand>
{
    public UpdateFacilityValidator()
    {
        RuleFor(x => x.Version).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CreateFacilityValidator.MaxNameLength).Line();
        RuleFor(x => x.Address).MaximumLength(CreateFacilityValidator.MaxAddressLength).Paragraph();
        RuleFor(x => x.Places).InclusiveBetween(1, Facility.MaxPlaces);
        RuleFor(x => x.Active).NotNull();
    }
}
