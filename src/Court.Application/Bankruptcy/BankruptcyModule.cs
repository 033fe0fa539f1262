using Court.Application.Bankruptcy.OpeningCase;
using Court.Application.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Bankruptcy;

public static class BankruptcyModule
{
    public static IServiceCollection AddBankruptcy(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationRule<OpenBankruptcyCase>, OpenBankruptcyCaseRule>();
        return services;
    }
}
