using System.Linq.Expressions;
using System.Reflection;
using CaseManagement.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CaseManagement.Infrastructure.Persistence.PersonalData;

/// <summary>
/// Wraps an entity's instantiation: the compiled materializer creates the instance as before, then
/// hands it, with its organisation, id, ciphertext columns and key version read from the row, to
/// <see cref="DecryptingBindingInterceptor.Open"/>. The columns are read here without being claimed
/// as constructor parameters, so EF still assigns the mapped properties itself.
/// </summary>
internal sealed class DecryptingInstantiationBinding(
    InstantiationBinding inner, IEntityType entityType, PersonalEntity personal, DecryptingBindingInterceptor decryptor)
    : InstantiationBinding(inner.ParameterBindings)
{
    private static readonly MethodInfo OpenMethod = typeof(DecryptingBindingInterceptor).GetMethod(nameof(DecryptingBindingInterceptor.Open))!;

    public override Type RuntimeType => inner.RuntimeType;

    public override InstantiationBinding With(IReadOnlyList<ParameterBinding> parameterBindings) =>
        new DecryptingInstantiationBinding(inner.With(parameterBindings), entityType, personal, decryptor);

    public override Expression CreateConstructorExpression(ParameterBindingInfo bindingInfo)
    {
        Expression Column(string name) =>
            new PropertyParameterBinding(entityType.FindProperty(name)
                ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no column {name}.")).BindToParameter(bindingInfo);

        return Expression.Convert(
            Expression.Call(
                Expression.Constant(decryptor),
                OpenMethod,
                Expression.Convert(inner.CreateConstructorExpression(bindingInfo), typeof(object)),
                Expression.Constant(personal),
                Column(nameof(IOrganisationOwned.OrganisationId)),
                Column(nameof(IOrganisationOwned.Id)),
                Expression.NewArrayInit(typeof(byte[]), personal.Properties.Select(p => Column(p.CipherProperty))),
                Column(PersonalDataModel.KeyVersionProperty)),
            RuntimeType);
    }
}
