using Microsoft.Extensions.Options;
using Serverless.Approvals.Configuration;
using Serverless.Approvals.Tokens;

namespace Serverless.Approvals.Tests.Tokens;

public class DecisionTokenCodecTests
{
    private const string Key = "current-signing-key-0123456789-abcdef-xyz";
    private static readonly DecisionToken Sample = new("inst-42", "loop[2].review", "changes_requested", "ed@example.com",
        new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), "nonce-1");

    private static DecisionTokenCodec Codec(string key, params string[] previous) =>
        new(Mock.Of<IOptionsMonitor<ApprovalOptions>>(m => m.CurrentValue == new ApprovalOptions { SigningKey = key, PreviousSigningKeys = previous.ToList() }));

    [Fact]
    public void SignThenVerify_RoundTripsEveryField()
    {
        var token = Codec(Key).Sign(Sample);

        Codec(Key).Verify(token).Token.Should().Be(Sample);
    }

    [Fact]
    public void Sign_IsUrlSafe()
    {
        var token = Codec(Key).Sign(Sample with { Approver = "é?&/+=@exemple.fr" });

        token.Should().MatchRegex("^a1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");
        Uri.EscapeDataString(token).Should().Be(token);
    }

    [Fact]
    public void Verify_AnyChangedCharacter_IsInvalid()
    {
        var token = Codec(Key).Sign(Sample);
        for (var i = 3; i < token.Length; i++)
        {
            if (token[i] == '.')
            {
                continue;
            }

            var changed = token.ToCharArray();
            changed[i] = changed[i] == 'x' ? 'y' : 'x';
            Codec(Key).Verify(new string(changed)).IsValid.Should().BeFalse($"character {i} was changed");
        }
    }

    [Fact]
    public void Verify_OtherKey_IsInvalid_PreviousKeyIsAccepted()
    {
        var oldToken = Codec("old-signing-key-0123456789-abcdef-xyz-012").Sign(Sample);

        Codec(Key).Verify(oldToken).IsValid.Should().BeFalse();
        Codec(Key, "old-signing-key-0123456789-abcdef-xyz-012").Verify(oldToken).Token.Should().Be(Sample);
    }

    [Fact]
    public void Verify_PaddedOrSpareBitsSpelling_IsInvalid()
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var token = Codec(Key).Sign(Sample);
        // The 32-byte signature is 43 characters, whose last one carries 2 spare bits: flipping one decodes the same.
        var last = Alphabet.IndexOf(token[^1], StringComparison.Ordinal);
        var spareBits = token[..^1] + Alphabet[last ^ 1];

        foreach (var spelling in new[] { token + "=", token + "==", spareBits })
        {
            Codec(Key).Verify(spelling).IsValid.Should().BeFalse(spelling);
        }

        Codec(Key).Verify(token).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a1")]
    [InlineData("a1..")]
    [InlineData("a2.e30.AAAA")]
    [InlineData("a1.!!!.AAAA")]
    public void Verify_Malformed_IsInvalid(string? token) => Codec(Key).Verify(token).IsValid.Should().BeFalse();
}
