using static Court.Web.Tests.Authorization.Callers;

namespace Court.Web.Tests.Authorization;

public sealed class BankruptcyMatrix : IMatrixRows
{
    public Task SeedAsync(MatrixState state, IServiceProvider services) => Task.CompletedTask;

    public IEnumerable<MatrixRow> Rows =>
    [
        // Court staff register cases (a fresh case number per caller); everyone else may not.
        new("POST", "/api/bankruptcy-cases", _ => "/api/bankruptcy-cases", Expect(401, 403, Each(201, "clerk", "judge")),
            Body: (_, user) => new
            {
                caseNumber = $"(2022)渝0116破{500 + All.ToList().IndexOf(user ?? Anonymous)}号",
                debtorName = "重庆江津某某机械制造有限公司",
                debtorCreditCode = "91500116MA5U5X7A8B",
                acceptedOn = "2022-04-20",
                administratorUserId = "admin",
                administratorName = "重庆某某律师事务所",
            }),
    ];
}
