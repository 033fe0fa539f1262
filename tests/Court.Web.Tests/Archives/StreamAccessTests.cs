using Court.Application.Archives.Exporting;
using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Workflows.Queries;
using Court.Web.Tests.Bankruptcy.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Archives;

/// <summary>
/// A whole stream (its archive, its workflow diagram) is read by whoever may read its record (issue 12): a clerk of
/// another court, who holds the right role but may not open this court's case, gets 404 for its archive and diagrams.
/// </summary>
public sealed class StreamAccessTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    private static FixedCaller ClerkOf(string court) => new("clerk-" + court, null, new HashSet<string>(StringComparer.Ordinal) { Roles.Clerk }, Guid.NewGuid(), court: court);

    private async Task<TResponse> SendAsync<TResponse>(ICallerContext caller, IQuery<TResponse> query)
    {
        await using var scope = api.Services.GetRequiredService<IServiceScopeFactory>().CreateScopeAs(caller);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    [Fact]
    public async Task A_clerk_of_the_cases_court_exports_its_archive_and_a_clerk_of_another_court_gets_404()
    {
        var stream = "bankruptcy-case-" + api.CaseId;

        var archive = await SendAsync(ClerkOf("渝0116"), new ExportArchive(stream));
        Assert.NotEmpty(archive.Content);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => SendAsync(ClerkOf("渝0115"), new ExportArchive(stream)));
    }

    [Theory]
    [InlineData("release-request-")]
    [InlineData("notice-")]
    public async Task Another_courts_clerk_gets_404_for_the_archive_and_the_diagram_of_this_courts_workflow_streams(string prefix)
    {
        var stream = prefix + (prefix == "notice-" ? api.NoticeId : api.RequestId);

        Assert.Equal(stream, (await SendAsync(ClerkOf("渝0116"), new GetWorkflowInstanceDiagram(stream))).StreamId);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => SendAsync(ClerkOf("渝0115"), new GetWorkflowInstanceDiagram(stream)));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => SendAsync(ClerkOf("渝0115"), new ExportArchive(stream)));
    }
}
