using Microsoft.Extensions.Options;
using Serverless.Connectors.Tests.Fakes;

namespace Serverless.Connectors.Tests.GoogleSheets;

/// <summary>A broken service account stops the host at start, naming the setting and the field, never the key.</summary>
public sealed class GoogleSheetsOptionsTests
{
    private static readonly string Pem = FakeGoogleSheetsServer.PrivateKeyPem;

    private static ConnectorTestHost Host(string? json, string? spreadsheetId = "1abc", string? file = null) => ConnectorTestHost.Create(new Dictionary<string, string?>
    {
        ["Connectors:GoogleSheets:ServiceAccountJson"] = json,
        ["Connectors:GoogleSheets:ServiceAccountFile"] = file,
        ["Connectors:GoogleSheets:SpreadsheetId"] = spreadsheetId,
    });

    private static string Key(string? without = null, string? privateKey = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["private_key_id"] = "k1",
            ["private_key"] = privateKey ?? Pem,
            ["client_email"] = "agent@project.iam.gserviceaccount.com",
            ["token_uri"] = "https://oauth2.googleapis.com/token",
        };
        if (without is not null)
        {
            fields.Remove(without);
        }

        return System.Text.Json.JsonSerializer.Serialize(fields);
    }

    [Fact]
    public void Start_ValidServiceAccount_IsAccepted()
    {
        using var host = Host(Key());

        host.Invoking(h => h.ValidateOnStart()).Should().NotThrow();
    }

    [Theory]
    [InlineData("client_email")]
    [InlineData("private_key")]
    public void Start_KeyWithoutField_FailsNamingSettingAndField(string field)
    {
        using var host = Host(Key(without: field));

        var failure = host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().Which;
        failure.Message.Should().Contain("Connectors:GoogleSheets:ServiceAccountJson").And.Contain(field);
    }

    [Fact]
    public void Start_PrivateKeyNotPem_FailsNamingTheFieldWithoutEchoingIt()
    {
        using var host = Host(Key(privateKey: "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n"));

        var failure = host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().Which;
        failure.Message.Should().Contain("private_key").And.NotContain("bm90IGEga2V5");
    }

    [Fact]
    public void Start_NotJson_FailsNamingTheSettingWithoutEchoingIt()
    {
        using var host = Host("client_email=agent; private_key=MIIEv-secret");

        var failure = host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().Which;
        failure.Message.Should().Contain("Connectors:GoogleSheets:ServiceAccountJson").And.NotContain("MIIEv-secret");
    }

    [Fact]
    public void Start_ServiceAccountWithoutSpreadsheet_FailsNamingSpreadsheetId()
    {
        using var host = Host(Key(), spreadsheetId: null);

        host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().WithMessage("*Connectors:GoogleSheets:SpreadsheetId*");
    }

    [Fact]
    public void Start_MissingServiceAccountFile_FailsNamingTheSetting()
    {
        using var host = Host(null, file: "/nonexistent/service-account.json");

        host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().WithMessage("*Connectors:GoogleSheets:ServiceAccountFile*");
    }

    [Fact]
    public void Start_BothJsonAndFile_FailsNamingBoth()
    {
        using var host = Host(Key(), file: "/tmp/also.json");

        host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>()
            .WithMessage("*ServiceAccountJson and Connectors:GoogleSheets:ServiceAccountFile are both set*");
    }
}
