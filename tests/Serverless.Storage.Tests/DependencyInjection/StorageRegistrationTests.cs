using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Storage.Azure.Blobs;
using Serverless.Storage.Azure.Cosmos;
using Serverless.Storage.Blobs;
using Serverless.Storage.DependencyInjection;
using Serverless.Storage.Documents;

namespace Serverless.Storage.Tests.DependencyInjection;

public sealed class StorageRegistrationTests
{
    private static readonly Dictionary<string, string?> Embedded = new()
    {
        ["Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), "serverless-di-" + Guid.NewGuid().ToString("N")),
        ["Storage:Documents:Provider"] = "sqlite",
        ["Storage:Blobs:Provider"] = "files",
    };

    [Theory]
    [InlineData("Storage:Documents:Provider", null, "Storage:Documents:Provider is missing")]
    [InlineData("Storage:Documents:Provider", "mongo", "Storage:Documents:Provider = 'mongo' is not a known adapter")]
    [InlineData("Storage:Blobs:Provider", null, "Storage:Blobs:Provider is missing")]
    [InlineData("Storage:Blobs:Provider", "ftp", "Storage:Blobs:Provider = 'ftp' is not a known adapter")]
    [InlineData("Storage:Documents:MaxDocumentBytes", "0", "Storage:Documents:MaxDocumentBytes must be positive")]
    public void Start_WithBadProviderSetting_FailsNamingTheSetting(string key, string? value, string expected)
    {
        var act = () => StoreFactory.Build(With((key, value)));

        act.Should().Throw<OptionsValidationException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void Start_CosmosWithoutEndpointOrConnectionString_FailsNamingBothSettings()
    {
        var act = () => StoreFactory.Build(With(("Storage:Documents:Provider", "cosmos")));

        act.Should().Throw<OptionsValidationException>()
            .WithMessage("*Storage:Documents:Cosmos:AccountEndpoint*Storage:Documents:Cosmos:ConnectionString*");
    }

    [Fact]
    public void Start_AzureBlobsWithoutServiceUri_FailsNamingTheSetting()
    {
        var act = () => StoreFactory.Build(With(("Storage:Blobs:Provider", "azure")));

        act.Should().Throw<OptionsValidationException>().WithMessage("*Storage:Blobs:Azure:ServiceUri*");
    }

    [Fact]
    public void Start_SelfSignedCertificateForRemoteCosmos_IsRefused()
    {
        var act = () => StoreFactory.Build(With(
            ("Storage:Documents:Provider", "cosmos"),
            ("Storage:Documents:Cosmos:AccountEndpoint", "https://prod.documents.azure.com:443/"),
            ("Storage:Documents:Cosmos:AcceptAnyServerCertificate", "true")));

        act.Should().Throw<OptionsValidationException>().WithMessage("*AcceptAnyServerCertificate*loopback*");
    }

    [Fact]
    public void Start_CoreOnlyRegistrationAskedForCosmos_PointsAtAddStorage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(With(("Storage:Documents:Provider", "cosmos"))).Build();
        using var provider = new ServiceCollection().AddDocumentStore(configuration).BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*'cosmos' is not a known adapter*AddStorage*");
    }

    [Fact]
    public void Resolve_ManagedIdentitySettings_BuildsAzureAdaptersWithoutKeys()
    {
        using var provider = StoreFactory.Build(With(
            ("Storage:Documents:Provider", "cosmos"),
            ("Storage:Documents:Cosmos:AccountEndpoint", "https://example.documents.azure.com:443/"),
            ("Storage:Documents:Cosmos:Credential", "managedidentity"),
            ("Storage:Blobs:Provider", "azure"),
            ("Storage:Blobs:Azure:ServiceUri", "https://example.blob.core.windows.net/"),
            ("Storage:Blobs:Azure:Credential", "managedidentity")));

        provider.GetRequiredService<IDocumentStore>().Should().BeOfType<CosmosDocumentStore>();
        provider.GetRequiredService<IBlobStore>().Should().BeOfType<AzureBlobStore>();
    }

    [Fact]
    public void Resolve_ProviderNameIsCaseInsensitive()
    {
        using var provider = StoreFactory.Build(With(("Storage:Documents:Provider", "SQLite"), ("Storage:Blobs:Provider", "Files")));

        provider.GetRequiredService<IDocumentStore>().Should().BeOfType<Serverless.Storage.Documents.Sqlite.SqliteDocumentStore>();
        provider.GetRequiredService<IBlobStore>().Should().BeOfType<Serverless.Storage.Blobs.FileSystem.FileSystemBlobStore>();
    }

    private static Dictionary<string, string?> With(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>(Embedded);
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return settings;
    }
}
