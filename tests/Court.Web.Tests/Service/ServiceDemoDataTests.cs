using Court.Application.Service;
using Court.Web.Tests.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>The demo court with six small-claims cases: one journey of the summons each, and the ordinary case's notice.</summary>
public sealed class CourtWithServiceDemo : CourtWebFactory
{
    protected override int DemoCases => 6;
}

/// <summary>The demo data has a service in every state the desk shows, and something on the carrier's dispatch list.</summary>
public sealed class ServiceDemoDataTests(CourtWithServiceDemo court) : IClassFixture<CourtWithServiceDemo>
{
    [Fact]
    public async Task The_demo_has_services_in_every_desk_state_and_a_waybill_waiting_for_the_carrier()
    {
        var clerk = await court.CreateClientAs("clerk");
        var desk = await Ok(clerk.GetAsync("/api/service-desk?desk=all&limit=200"));
        var states = desk.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("desk").GetString()).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(DeskStatus.All.Order(StringComparer.Ordinal), states.Order(StringComparer.Ordinal));

        var dispatch = await Ok(clerk.GetAsync("/api/carrier/dispatch-list"));
        Assert.NotEqual(0, dispatch.GetProperty("items").GetArrayLength());
    }
}
