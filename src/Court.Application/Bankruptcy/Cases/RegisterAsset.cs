using System.Text.Json.Serialization;
using Court.Application.Common;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Identifiers;
using FluentValidation;
using Mediator;

namespace Court.Application.Bankruptcy.Cases;

/// <summary>The administrator (or the clerk) lists an asset of the estate with the identifiers its kind needs.</summary>
public sealed record RegisterAsset(
    AssetKind? Kind,
    string? Description,
    string? HoldingAgency,
    long? EstimatedValueFen,
    string? CertificateNumber = null,
    string? UnitCode = null,
    string? Location = null,
    decimal? AreaSquareMetres = null,
    string? Use = null,
    string? Plate = null,
    string? Vin = null,
    string? Bank = null,
    string? AccountNumber = null,
    string? Company = null,
    string? CompanyCreditCode = null,
    decimal? SharePercent = null) : ConditionalWrite, ICommand<RegisteredAsset>, ICaseScoped
{
    [JsonIgnore]
    public string EstateId { get; init; } = "";

    string ICaseScoped.CaseScope => EstateId;

    /// <summary>The identifiers this kind carries, in canonical form (call after validation).</summary>
    public AssetIdentifiers Identifiers() => Kind switch
    {
        AssetKind.LandUseRight or AssetKind.Building => new AssetIdentifiers
        {
            CertificateNumber = Domain.Identifiers.CertificateNumber.Parse(CertificateNumber).Value.Value,
            UnitCode = RealEstateUnitCode.Parse(UnitCode).Value.Value,
            Location = Location!.Trim(),
            AreaSquareMetres = AreaSquareMetres,
            Use = string.IsNullOrWhiteSpace(Use) ? null : Use.Trim(),
        },
        AssetKind.Vehicle => new AssetIdentifiers { Plate = PlateNumber.Parse(Plate).Value.Value, Vin = Domain.Identifiers.Vin.Parse(Vin).Value.Value },
        AssetKind.DepositAccount => BankAccount.Parse(Bank, AccountNumber).Value is var account ? new AssetIdentifiers { Bank = account.Bank, AccountNumber = account.Number } : new(),
        AssetKind.Equity => new AssetIdentifiers { Company = Company!.Trim(), CompanyCreditCode = CreditCode.Parse(CompanyCreditCode).Value.Value, SharePercent = SharePercent },
        _ => new AssetIdentifiers(),
    };
}

public sealed record RegisteredAsset(string EstateId, string AssetId, long Version);

public sealed class RegisterAssetValidator : AbstractValidator<RegisterAsset>
{
    public RegisterAssetValidator()
    {
        RuleFor(x => x.Kind).NotNull().IsInEnum();
        RuleFor(x => x.Description).Text(500);
        RuleFor(x => x.HoldingAgency).NotEmpty().Must(a => Agencies.Find(a) is not null).WithMessage(x => $"'{x.HoldingAgency}' is not a known agency ({string.Join(", ", Agencies.All.Select(a => a.Code))}).");
        RuleFor(x => x.EstimatedValueFen).NotNull().InclusiveBetween(0, Money.MaxFen);
        When(x => x.Kind is AssetKind.LandUseRight or AssetKind.Building, () =>
        {
            RuleFor(x => x.CertificateNumber).MustParse(Domain.Identifiers.CertificateNumber.Parse);
            RuleFor(x => x.UnitCode).MustParse(RealEstateUnitCode.Parse);
            RuleFor(x => x.Location).Text(200);
            RuleFor(x => x.AreaSquareMetres).GreaterThan(0).LessThan(100_000_000);
            RuleFor(x => x.Use).OptionalText(50);
        });
        When(x => x.Kind == AssetKind.Vehicle, () =>
        {
            RuleFor(x => x.Plate).MustParse(PlateNumber.Parse);
            RuleFor(x => x.Vin).MustParse(Domain.Identifiers.Vin.Parse);
        });
        When(x => x.Kind == AssetKind.DepositAccount, () =>
        {
            RuleFor(x => x.Bank).Text(100);
            RuleFor(x => x.AccountNumber).MustParse(n => BankAccount.Parse("bank", n));
        });
        When(x => x.Kind == AssetKind.Equity, () =>
        {
            RuleFor(x => x.Company).Text(200);
            RuleFor(x => x.CompanyCreditCode).MustParse(CreditCode.Parse);
            RuleFor(x => x.SharePercent).NotNull().GreaterThan(0).LessThanOrEqualTo(100);
        });
    }
}

public sealed class RegisterAssetHandler(AggregateStore store, ICallerContext caller) : ICommandHandler<RegisterAsset, RegisteredAsset>
{
    public async ValueTask<RegisteredAsset> Handle(RegisterAsset command, CancellationToken cancellationToken)
    {
        var register = new EstateCommand.RegisterAsset(
            store.NewId().ToString("D"), command.Kind!.Value, command.Description!.Trim(), command.Identifiers(), command.HoldingAgency!, new Money(command.EstimatedValueFen!.Value), caller.UserId);
        var version = await store.ExecuteAsync<Estate>(command.EstateId, (state, now) => EstateDecider.Decide(state, register, now), command.IfMatch, cancellationToken: cancellationToken);

        // A repeated registration of the same asset wrote nothing: answer with the asset already listed.
        var estate = (await store.LoadAsync<Estate>(command.EstateId, cancellationToken)).State;
        var id = estate.Asset(register.AssetId)?.Id ?? EstateDecider.SameKey(estate, register)?.Id ?? register.AssetId;
        return new RegisteredAsset(command.EstateId, id, version);
    }
}
