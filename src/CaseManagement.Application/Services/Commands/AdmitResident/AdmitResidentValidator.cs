using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.AdmitResident;

public sealed class AdmitResidentValidator : AbstractValidator<AdmitResidentCommand>
{
    public AdmitResidentValidator(TimeProvider clock)
    {
        RuleFor(x => x.FacilityId).NotEmpty();
        RuleFor(x => x.AdmittedOn).CaseDate(clock);
    }
}
