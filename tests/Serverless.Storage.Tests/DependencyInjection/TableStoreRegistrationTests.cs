using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Storage.Azure.Tables;
using Serverless.Storage.DependencyInjection;
using Serverless.Storage.Tables;
using Serverless.Storage.Tables.Sqlite;

namespace Serverless.Storage.Tests.DependencyInjection;

public sealed class TableStoreRegistrationTests
{
    private static readonly Dictionary<string, string?> Embedded = new()
    {
        ["Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), "serverless-di-" + Guid.NewGuid().ToString("N")),
        ["Storage:Documents:Provider"] = "sqlite",
        ["Storage:Blobs:Provider"] = "files",
    };

    [Theory]
    [InlineData("Storage:Tables:Provider", "", "Storage:Tables:Provider is missing")]
    [InlineData("Storage:Tables:Provider", "redis", "Storage:Tables:Provider = 'redis' is not a known adapter")]
    public void Start_WithBadProvider_FailsNamingTheSetting(string key, string? value, string expected)
    {
        var act = () => StoreFactory.Build(With((key, value)));

        act.Should().Throw<OptionsValidationException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void Start_AzureWithoutServiceUriOrConnectionString_FailsNamingBothSettings()
    {
        var act = () => StoreFactory.Build(With(("Storage:Tables:Provider", "azure")));

        act.Should().Throw<OptionsValidationException>()
            .WithMessage("*Storage:Tables:Azure:ServiceUri*Storage:Tables:Azure:ConnectionString*");
    }

    [Fact]
    public void Start_AzureWithRelativeServiceUri_FailsNamingTheSetting()
    {
        var act = () => StoreFactory.Build(With(("Storage:Tables:Provider", "azure"), ("Storage:Tables:Azure:ServiceUri", "mytables")));

        act.Should().Throw<OptionsValidationException>().WithMessage("*Storage:Tables:Azure:ServiceUri 'mytables' is not an absolute*");
    }

    [Fact]
    public void Start_AzureWithUnknownCredential_FailsNamingTheSetting()
    {
        var act = () => StoreFactory.Build(With(
            ("Storage:Tables:Provider", "azure"),
            ("Storage:Tables:Azure:ServiceUri", "https://example.table.core.windows.net/"),
            ("Storage:Tables:Azure:Credential", "managed-identity")));

        act.Should().Throw<OptionsValidationException>().WithMessage("*Storage:Tables:Azure:Credential = 'managed-identity'*");
    }

    [Fact]
    public void Start_AzureWithConnectionStringAndClientId_FailsNamingBoth()
    {
        var act = () => StoreFactory.Build(With(
            ("Storage:Tables:Provider", "azure"),
            ("Storage:Tables:Azure:ConnectionString", "UseDevelopmentStorage=true"),
            ("Storage:Tables:Azure:ClientId", "00000000-0000-0000-0000-000000000001")));

        act.Should().Throw<OptionsValidationException>().WithMessage("*Storage:Tables:Azure:ClientId apply to Storage:Tables:Azure:ServiceUri only*");
    }

    [Fact]
    public void Start_AzureSettingsWithSqliteProvider_AreIgnored()
    {
        using var provider = StoreFactory.Build(With(("Storage:Tables:Azure:Credential", "bogus")));

        provider.GetRequiredService<ITableStore>().Should().BeOfType<SqliteTableStore>();
    }

    [Fact]
    public void Resolve_ManagedIdentitySettings_BuildsTheAzureAdapterWithoutKeys()
    {
        using var provider = StoreFactory.Build(With(
            ("Storage:Tables:Provider", "Azure"),
            ("Storage:Tables:Azure:ServiceUri", "https://example.table.core.windows.net/"),
            ("Storage:Tables:Azure:Credential", "managedidentity"),
            ("Storage:Tables:Azure:ClientId", "00000000-0000-0000-0000-000000000001")));

        provider.GetRequiredService<ITableStore>().Should().BeOfType<AzureTableStore>();
    }

    [Fact]
    public void Start_CoreOnlyRegistrationAskedForAzure_PointsAtAddStorage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(With(("Storage:Tables:Provider", "azure"))).Build();
        using var provider = new ServiceCollection().AddTableStore(configuration).BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*'azure' is not a known adapter*AddStorage*");
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
