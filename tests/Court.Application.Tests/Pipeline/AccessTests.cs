using Court.Application.Common;
using Court.Application.Pipeline;

namespace Court.Application.Tests.Pipeline;

public sealed class AccessTests
{
    private static readonly ResourceParties JiangjinEstate = new(Court: "渝0116", AdministratorUserId: "admin", Agencies: ["nrb-jiangjin"]);

    private static FixedCaller Caller(string user, string role, string? agency = null, string? court = null) =>
        new(user, agency, new HashSet<string> { role }, Guid.NewGuid(), court: court);

    [Theory]
    [InlineData("clerk", Roles.Clerk, null, "渝0116", true)]
    [InlineData("judge", Roles.Judge, null, "渝0116", true)]
    [InlineData("judge5", Roles.Judge, null, "渝05", false)]
    [InlineData("judge", Roles.Judge, null, null, true)]
    [InlineData("admin", Roles.Administrator, null, null, true)]
    [InlineData("admin2", Roles.Administrator, null, null, false)]
    [InlineData("nrb", Roles.AgencyOfficer, "nrb-jiangjin", null, true)]
    [InlineData("psb", Roles.AgencyOfficer, "psb-vehicles-jiangjin", null, false)]
    [InlineData("supervisor", Roles.SupervisionOfficer, "supervision-jiangjin", null, false)]
    [InlineData("sysadmin", Roles.SystemAdministrator, null, null, false)]
    [InlineData("system", Roles.System, null, null, true)]
    public void Each_party_sees_only_what_is_his(string user, string role, string? agency, string? court, bool sees)
    {
        var caller = Caller(user, role, agency, court);

        Assert.Equal(sees, Access.CanSee(caller, JiangjinEstate));
        Assert.Equal(sees ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Hidden, Access.See(caller, JiangjinEstate));
    }

    [Fact]
    public void Acting_on_what_is_not_yours_is_hidden_not_forbidden()
    {
        Assert.Equal(AuthorizationOutcome.Hidden, Access.Act(Caller("psb", Roles.AgencyOfficer, "psb-vehicles-jiangjin"), JiangjinEstate, Roles.AgencyOfficer));
        Assert.Equal(AuthorizationOutcome.Hidden, Access.Act(Caller("admin2", Roles.Administrator), JiangjinEstate, Roles.Administrator));
    }

    [Fact]
    public void Acting_on_your_own_resource_without_the_role_is_forbidden()
    {
        Assert.Equal(AuthorizationOutcome.Forbidden, Access.Act(Caller("clerk", Roles.Clerk, court: "渝0116"), JiangjinEstate, Roles.Judge));
        Assert.Equal(AuthorizationOutcome.Forbidden, Access.Act(Caller("nrb", Roles.AgencyOfficer, "nrb-jiangjin"), JiangjinEstate, Roles.Judge));
    }

    [Fact]
    public void Acting_on_your_own_resource_with_the_role_is_allowed()
    {
        Assert.Equal(AuthorizationOutcome.Allowed, Access.Act(Caller("judge", Roles.Judge, court: "渝0116"), JiangjinEstate, Roles.Judge));
        Assert.Equal(AuthorizationOutcome.Allowed, Access.Act(Caller("admin", Roles.Administrator), JiangjinEstate, Roles.Administrator));
        Assert.Equal(AuthorizationOutcome.Allowed, Access.Act(Caller("nrb", Roles.AgencyOfficer, "nrb-jiangjin"), JiangjinEstate, Roles.AgencyOfficer));
        Assert.Equal(AuthorizationOutcome.Allowed, Access.Act(FixedCaller.System(), JiangjinEstate, Roles.Judge));
    }

    [Fact]
    public void A_resource_addressed_to_no_agency_is_hidden_from_every_agency()
    {
        var courtOnly = new ResourceParties(Court: "渝0116");

        Assert.False(Access.CanSee(Caller("nrb", Roles.AgencyOfficer, "nrb-jiangjin"), courtOnly));
        Assert.False(Access.CanSee(Caller("admin", Roles.Administrator), courtOnly));
    }

    [Fact]
    public void Opening_a_resource_is_for_the_named_roles_only()
    {
        Assert.Equal(AuthorizationOutcome.Allowed, Access.RolesOnly(Caller("clerk", Roles.Clerk), Roles.Clerk, Roles.Judge));
        Assert.Equal(AuthorizationOutcome.Forbidden, Access.RolesOnly(Caller("bank", Roles.AgencyOfficer, "bank-ccb-jiangjin"), Roles.Clerk, Roles.Judge));
    }

    [Theory]
    [InlineData("nrb", Roles.AgencyOfficer, "nrb-jiangjin", "nrb-jiangjin")]
    [InlineData("admin", Roles.Administrator, null, "admin")]
    [InlineData("clerk", Roles.Clerk, null, null)]
    [InlineData("system", Roles.System, null, null)]
    public void A_list_query_is_limited_to_the_callers_partition(string user, string role, string? agency, string? partition) =>
        Assert.Equal(partition, Access.PartitionOf(Caller(user, role, agency)));
}
