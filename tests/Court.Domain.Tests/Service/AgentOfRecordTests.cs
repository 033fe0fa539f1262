using Court.Domain.Common;
using Court.Domain.Identifiers;
using Court.Domain.Service;
using static Court.Domain.Tests.Bankruptcy.Spec;
using static Court.Domain.Tests.Service.Facts;

namespace Court.Domain.Tests.Service;

/// <summary>Seed item 61: whether a lawyer is the agent of record in a case per the document he shows, and whether it is in force.</summary>
public sealed class AgentOfRecordTests
{
    private static readonly LawyerLicenceNumber LiLicence = LawyerLicenceNumber.Parse(Li.LicenceNumber).Value;
    private static readonly CaseNumber TheCase = CaseNumber.Parse("(2025)渝0116民初123号").Value;
    private static readonly DateOnly Today = new(2025, 1, 6);

    /// <summary>The acceptance notice the court issued in this case for 李明.</summary>
    private static readonly ShownAgentDocument Notice = new(TheCase.Value, "渝0116", Li.LicenceNumber, Li.AgentId, Revoked: false, Intact: true);

    private static AgentCheckAnswer Check(ServiceFile file, ShownAgentDocument? shown, string? licence = null, string? caseNumber = null, DateOnly? on = null) =>
        AgentOfRecordRules.Answer(file, licence is null ? LiLicence : LawyerLicenceNumber.Parse(licence).Value, caseNumber is null ? TheCase : CaseNumber.Parse(caseNumber).Value, shown, on ?? Today);

    [Fact]
    public void Given_the_agent_registered_when_checking_his_licence_against_the_notice_then_he_is_the_agent_of_record_and_it_is_in_force() =>
        Assert.Equal(new AgentCheckAnswer(true, true), Check(File(), Notice));

    [Fact]
    public void Another_licence_against_the_same_notice_is_no() =>
        Assert.Equal(AgentCheckAnswer.No, Check(File(), Notice, licence: "15001201810100001"));

    [Fact]
    public void A_notice_of_another_case_is_no_even_for_the_right_lawyer() =>
        Assert.Equal(AgentCheckAnswer.No, Check(File(), Notice with { CaseNumber = "(2025)渝0116民初124号" }));

    [Fact]
    public void A_document_issued_by_another_court_than_the_case_numbers_is_no() =>
        Assert.Equal(AgentCheckAnswer.No, Check(File(), Notice with { CourtCode = "渝05" }));

    [Fact]
    public void An_unknown_or_altered_document_is_no() =>
        Assert.All([Check(File(), null), Check(File(), Notice with { Intact = false })], a => Assert.Equal(AgentCheckAnswer.No, a));

    [Fact]
    public void A_revoked_document_still_names_him_but_is_not_in_force() =>
        Assert.Equal(new AgentCheckAnswer(true, false), Check(File(), Notice with { Revoked = true }));

    [Fact]
    public void Given_his_authority_ended_then_the_document_is_no_longer_in_force_from_that_day()
    {
        var file = File().Evolve(new AgentAuthorityEnded(CaseId, Li.AgentId, Today, "当事人解除委托", Clerk, Now));
        Assert.Equal(new AgentCheckAnswer(true, false), Check(file, Notice));
        Assert.Equal(new AgentCheckAnswer(true, true), Check(file, Notice, on: Today.AddDays(-1)));
    }

    [Fact]
    public void A_document_issued_for_another_agent_under_the_same_licence_text_is_no() =>
        Assert.Equal(AgentCheckAnswer.No, Check(File(), Notice with { AgentId = "a-someone-else" }));

    [Fact]
    public void Ending_an_authority_is_recorded_once_with_its_reason_and_day() =>
        Then(When(File(), new ServiceCommand.EndAgentAuthority(Li.AgentId, Today, " 当事人解除委托 ")), new AgentAuthorityEnded(CaseId, Li.AgentId, Today, "当事人解除委托", Clerk, Now));

    [Fact]
    public void Ending_it_again_yields_nothing() =>
        ThenNothing(When(File().Evolve(new AgentAuthorityEnded(CaseId, Li.AgentId, Today, "当事人解除委托", Clerk, Now)), new ServiceCommand.EndAgentAuthority(Li.AgentId, Today, "again")));

    [Fact]
    public void An_end_in_the_future_without_a_reason_or_of_an_unknown_agent_is_refused()
    {
        ThenError(When(File(), new ServiceCommand.EndAgentAuthority(Li.AgentId, Today.AddDays(1), "辞去委托")), "service.agent-end-in-future", ErrorKind.Validation);
        ThenError(When(File(), new ServiceCommand.EndAgentAuthority(Li.AgentId, Today, " ")), "service.agent-end-reason-required", ErrorKind.Validation);
        ThenError(When(File(), new ServiceCommand.EndAgentAuthority("nobody", Today, "辞去委托")), "service.agent-not-found", ErrorKind.NotFound);
    }

    [Fact]
    public void An_agent_whose_authority_ended_no_longer_signs_for_his_party()
    {
        var file = File().Evolve(new AgentAuthorityEnded(CaseId, Li.AgentId, Today, "当事人解除委托", Clerk, Now));
        var decision = When(file, new ServiceCommand.Serve(Zhang.PartyId, ServiceChannel.JudicialExpress, [Summons], Waybill, null, null));
        var ordered = Assert.IsType<ServiceOrdered>(Assert.Single(decision.Events));
        Assert.Empty(ordered.Recipient.AgentNames);
    }
}
