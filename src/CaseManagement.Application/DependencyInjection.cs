using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Stop at a rule's first failure: later rules of the same property may assume the earlier ones held (not null).
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        // English whatever the server's or the request's culture: the messages are the API's contract. The web pages
        // show their own texts, by the failure's error code (CaseManagement.Web.Forms.ValidationMessages).
        ValidatorOptions.Global.LanguageManager = new Common.Validation.SafeLanguageManager { Culture = CultureInfo.GetCultureInfo("en") };
        services.AddScoped<Common.Security.SystemCaller>();
        services.AddScoped<Referrals.ReferralEvents>();
        services.AddScoped<Beneficiaries.Retention.BeneficiaryErasure>();
        services.AddScoped<Common.Auditing.DeferredAuditEntries>();
        services.AddScoped<Statistics.Disclosure.DisclosureControl>();
        services.AddScoped<Statistics.Releases.ReleaseFactory>();
        // Singletons: FluentValidation builds each rule set's expressions once, not on every request. A validator
        // therefore reads the clock (or anything else that changes) inside its rules, never in its constructor.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}
