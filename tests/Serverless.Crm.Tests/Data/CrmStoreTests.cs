using Serverless.Crm.Data;
using Serverless.Storage.Errors;

namespace Serverless.Crm.Tests.Data;

public sealed class CrmStoreTests : IDisposable
{
    private readonly CrmFixture crm = new();

    [Fact]
    public async Task Create_Get_List_RoundTripsEveryField_AndStampsTheClock()
    {
        var created = await crm.Store.CreateAsync(new Organisation
        {
            Id = "org-1", Name = "Acme", PipelineStage = "lead", OwnerId = "u1", Tags = ["vip"],
            Fields = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["ville"] = "Lyon" },
        });
        await crm.Store.CreateAsync(new Deal { Id = "deal-1", OrganisationId = "org-1", Title = "Licences", Stage = "proposal", Amount = 1200.5m, Currency = "EUR" });
        await crm.Store.CreateAsync(new User { Id = "u1", Name = "Léa", Email = "lea@example.com", ManagerId = "u0" });

        created.CreatedAt.Should().Be(crm.Clock.GetUtcNow());
        var read = await crm.Store.GetAsync<Organisation>("org-1");
        read!.Name.Should().Be("Acme");
        read.Tags.Should().Equal("vip");
        read.Fields["ville"]!.ToString().Should().Be("Lyon");
        (await crm.Store.GetAsync<Deal>("deal-1"))!.Amount.Should().Be(1200.5m);
        (await crm.Store.GetAsync<User>("u1"))!.ManagerId.Should().Be("u0");
        (await crm.Store.GetAsync<Organisation>("nope")).Should().BeNull();
        (await crm.Store.ListAsync<Organisation>()).Select(o => o.Id).Should().Equal("org-1");
        await crm.Invoking(c => c.Store.CreateAsync(new Organisation { Id = "org-1", Name = "Again" })).Should().ThrowAsync<ItemAlreadyExistsException>();
    }

    [Fact]
    public async Task NextNumber_CountsFromOne_PerSequence()
    {
        var numbers = new[]
        {
            await crm.Store.NextNumberAsync("organisations"), await crm.Store.NextNumberAsync("organisations"),
            await crm.Store.NextNumberAsync("deals"), await crm.Store.NextNumberAsync("organisations"),
        };

        numbers.Should().Equal(1, 2, 1, 3);
    }

    [Fact]
    public async Task List_FiltersByField()
    {
        await crm.Store.CreateAsync(new Notification { Id = "n1", UserId = "u1", Body = "a" });
        await crm.Store.CreateAsync(new Notification { Id = "n2", UserId = "u2", Body = "b" });
        (await crm.Store.ListAsync<Notification>("user_id", "u2")).Select(n => n.Id).Should().Equal("n2");
    }

    [Fact]
    public async Task Update_ReturnsBeforeAndAfter_KeepsIdAndCreated_StampsUpdated()
    {
        await crm.Store.CreateAsync(new Deal { Id = "d", Title = "T", Stage = "lead" });
        crm.Clock.Advance(TimeSpan.FromHours(1));
        var update = await crm.Store.UpdateAsync<Deal>("d", d => d with { Stage = "won", Id = "other" });
        update!.Before.Stage.Should().Be("lead");
        update.After.Stage.Should().Be("won");
        update.After.Id.Should().Be("d");
        update.After.UpdatedAt.Should().Be(update.Before.CreatedAt.AddHours(1));
        (await crm.Store.GetAsync<Deal>("d"))!.Stage.Should().Be("won");
        (await crm.Store.UpdateAsync<Deal>("missing", d => d)).Should().BeNull();
    }

    [Fact]
    public async Task Update_ConcurrentChanges_NoneIsLost()
    {
        await crm.Store.CreateAsync(new Organisation { Id = "o", Name = "Acme" });
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            crm.Store.UpdateAsync<Organisation>("o", o => o with { Tags = [.. o.Tags, $"t{i}"] })));
        (await crm.Store.GetAsync<Organisation>("o"))!.Tags.Should().HaveCount(5);
    }

    [Fact]
    public async Task CreateOnce_SecondCallFindsTheFirst()
    {
        var first = await crm.Store.CreateOnceAsync(new CrmTask { Id = "t", Title = "Call" });
        var second = await crm.Store.CreateOnceAsync(new CrmTask { Id = "t", Title = "Other" });
        first.Created.Should().BeTrue();
        second.Created.Should().BeFalse();
        second.Record.Title.Should().Be("Call");
    }

    public void Dispose() => crm.Dispose();
}
