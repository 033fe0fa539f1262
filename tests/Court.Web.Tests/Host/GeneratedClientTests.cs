using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using Court.Application.Demo;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Court.Web.Tests.Host;

/// <summary>
/// The OpenAPI document proved as the contract (decision 0130): a C# client generated from /openapi/v1.json with NSwag,
/// compiled in memory, runs the bankruptcy release path end to end — the clerk opens the case, the administrator lists
/// the building and its seizure and asks for the release, the judge approves and rules, the bureau acknowledges and
/// executes — with nothing but the generated types and methods, as an agency's system would.
/// </summary>
public sealed class GeneratedClientTests(CourtWithGeneratedClient api) : IClassFixture<CourtWithGeneratedClient>
{

    [Fact]
    public async Task Every_schema_of_the_document_is_one_generated_type_and_every_enum_an_enum()
    {
        var (client, document) = await api.ClientAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().ToList();
        var generated = client.GetExportedTypes().Where(t => t.Namespace == CourtWithGeneratedClient.Namespace && !t.IsNested).Select(t => t.Name).ToList();
        // The client, its exception and file answer are the generator's own; any other type is a schema it misread.
        string[] own = ["CourtClient", "ApiException", "ApiException`1", "FileResponse", "FileParameter"];
        Assert.Empty(generated.Except(schemas.Select(s => s.Name)).Except(own));
        Assert.All(schemas.Where(s => s.Value.TryGetProperty("enum", out _)), s => Assert.True(client.GetType($"{CourtWithGeneratedClient.Namespace}.{s.Name}")?.IsEnum, $"{s.Name} is not an enum"));
        Assert.Contains(schemas, s => s.Name == "LiftedBy");
    }

    [Fact]
    public async Task The_generated_client_releases_a_seized_building_from_filing_to_the_bureau_executing()
    {
        var (client, _) = await api.ClientAsync();
        var court = new Generated(client, api);

        dynamic clerk = await court.SignInAsync(DemoUsers.Clerk.UserName);
        var opened = await clerk.OpenBankruptcyCaseAsync(Key(), court.New("OpenBankruptcyCase", new
        {
            CaseNumber = "(2022)渝0116破21号",
            DebtorName = Samples.DebtorName,
            DebtorCreditCode = Samples.DebtorCreditCode,
            AcceptedOn = new DateOnly(2022, 4, 20),
            AdministratorUserId = "admin",
            AdministratorName = "重庆某某律师事务所",
        }));
        string caseId = opened.Id;

        dynamic admin = await court.SignInAsync("admin");
        var asset = await admin.RegisterAssetAsync(caseId, null, Key(), court.New("RegisterAsset", new
        {
            Kind = "Building",
            Description = "厂房一栋（钢结构）",
            HoldingAgency = "nrb-jiangjin",
            EstimatedValueFen = 120_000_000_00L,
            CertificateNumber = "渝（2019）江津区不动产权第0001234号",
            UnitCode = Steps.BuildingUnitCode,
            Location = "江津区几江街道滨江路1号",
            AreaSquareMetres = 1520.5,
            Use = "工业",
        }));
        string assetId = asset.AssetId;
        var seizure = await admin.RecordSeizureAsync(assetId, null, Key(), court.New("RecordSeizure", new
        {
            SeizingBody = "重庆市江津区人民法院",
            SeizingBodySuperior = "重庆市第五中级人民法院",
            DocumentNumber = "(2021)渝0116执100号",
            SeizedOn = new DateOnly(2021, 5, 10),
            Rank = "First",
            RegistrationReference = "渝(2021)江津区不动产查封第0000077号",
        }));
        string seizureId = seizure.SeizureId;
        var requested = await admin.RequestReleaseAsync(caseId, null, Key(), court.New("RequestRelease", new
        {
            AssetId = assetId,
            SeizureIds = new List<string> { seizureId },
            Reasons = "人民法院已受理破产申请，依企业破产法第十九条应解除保全措施。",
        }));
        string requestId = requested.Id;

        // The judge approves at the version he read (If-Match as the document declares it), then rules before the deadline.
        dynamic judge = await court.SignInAsync("judge");
        var read = await judge.GetReleaseRequestAsync(requestId);
        Assert.Equal("Requested", (string)read.Request.Stage);
        await judge.ApproveReleaseAsync(requestId, $"\"{read.Request.Version}\"", Key(), court.New("ApproveRelease", new { Note = "同意" }));
        await judge.IssueLiftingRulingAsync(requestId, null, Key(), court.New("IssueLiftingRuling", new { EarlyReason = Steps.EarlyReason }));

        // The bureau finds the notice in its inbox, acknowledges it and records the registration cancelled.
        dynamic bureau = await court.SignInAsync(DemoUsers.NaturalResources.UserName);
        var inbox = await bureau.ListNoticesAsync(null, null, null, 200, null, null, null, null);
        var notice = ((IEnumerable<dynamic>)inbox.Items).Single(n => (string)n.CaseNumber == "(2022)渝0116破21号");
        string noticeId = notice.Id;
        Assert.Equal("CancelSeizureRegistration", ((object)notice.Content.Action).ToString());
        await bureau.AcknowledgeNoticeAsync(noticeId, null, Key());
        var today = DateOnly.FromDateTime(api.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        await bureau.ExecuteNoticeAsync(noticeId, null, Key(), court.New("ExecuteNotice", new { RegistrationReference = "渝(2022)江津区不动产注销查封第0000088号", ExecutedOn = today }));

        var released = await judge.GetReleaseRequestAsync(requestId);
        Assert.Equal("Released", (string)released.Request.Stage);
        Assert.Equal(today, (DateOnly?)released.Request.ReleasedOn);
        var free = await judge.GetAssetAsync(assetId);
        Assert.Equal("Free", (string)free.Asset.State);
        Assert.True((bool)free.Asset.IsFree);
        var lifted = ((IEnumerable<dynamic>)free.Asset.Seizures).Single();
        Assert.Equal("Lifted", ((object)lifted.Status).ToString());
        Assert.Equal("CourtRuling", ((object?)lifted.LiftedBy)?.ToString());
        var executed = await bureau.GetNoticeAsync(noticeId);
        Assert.Equal("Executed", ((object)executed.Document.Status).ToString());
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    /// <summary>The generated client's types, reached by name: the test compiles before the client exists.</summary>
    private sealed class Generated(Assembly client, BankruptcyApi host)
    {
        /// <summary>A generated client signed in as <paramref name="user"/> through the generated IssueToken.</summary>
        public async Task<object> SignInAsync(string user)
        {
            dynamic anonymous = Activator.CreateInstance(TypeOf("CourtClient"), host.CreateClient())!;
            var token = await anonymous.IssueTokenAsync(New("TokenRequest", new { Username = user, Password = DemoUsers.Password }));
            var http = host.CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)token.Access_token);
            return Activator.CreateInstance(TypeOf("CourtClient"), http)!;
        }

        /// <summary>An instance of the generated <paramref name="type"/> with the values given; a string for an enum names its member.</summary>
        public dynamic New(string type, object values)
        {
            var instance = Activator.CreateInstance(TypeOf(type))!;
            foreach (var value in values.GetType().GetProperties())
            {
                var property = instance.GetType().GetProperty(value.Name) ?? throw new InvalidOperationException($"{type} has no {value.Name}");
                var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                var given = value.GetValue(values);
                property.SetValue(instance, target.IsEnum && given is string name ? Enum.Parse(target, name) : given);
            }

            return instance;
        }

        private Type TypeOf(string name) => client.GetType($"{CourtWithGeneratedClient.Namespace}.{name}") ?? throw new InvalidOperationException($"The generated client has no type {name}");
    }
}

/// <summary>The real host with the demo users, and the client generated from its document once for the class.</summary>
public sealed class CourtWithGeneratedClient : BankruptcyApi
{
    public const string Namespace = "Agency";

    private Task<(Assembly, JsonElement)>? client;

    public Task<(Assembly Client, JsonElement Document)> ClientAsync() => client ??= GenerateAsync();

    private async Task<(Assembly, JsonElement)> GenerateAsync()
    {
        using var anonymous = Anonymous();
        var json = await anonymous.GetStringAsync("/openapi/v1.json");
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "CourtClient",
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
        };
        settings.CSharpGeneratorSettings.Namespace = Namespace;
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        settings.CSharpGeneratorSettings.DateType = "System.DateOnly";
        settings.CSharpGeneratorSettings.GenerateNullableReferenceTypes = true;
        var code = new CSharpClientGenerator(await OpenApiDocument.FromJsonAsync(json), settings).GenerateFile();

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Agency.Generated",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(emitted.Success, "The client generated from the document does not compile:\n" + string.Join('\n', errors.Take(30)));
        return (Assembly.Load(image.ToArray()), JsonDocument.Parse(json).RootElement.Clone());
    }
}
