using System.Text.Json.Nodes;
using Serverless.Storage.Documents;
using Serverless.Storage.Errors;

namespace Serverless.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IDocumentStore"/> adapter must show. Each test works in its own partition, so
/// tests never see each other's documents. Stores under test accept documents up to <see cref="LimitBytes"/>.
/// </summary>
public abstract class DocumentStoreContract
{
    public const long LimitBytes = 64 * 1024;
    protected const string Collection = "contract";

    protected abstract IDocumentStore Store { get; }

    private readonly string _pk = "p-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Create_ThenRead_ReturnsBodyWithIdPartitionKeyAndETag()
    {
        var created = await Store.CreateAsync(Collection, Doc("t1", new JsonObject { ["status"] = "open", ["n"] = 3 }));

        var read = await Store.ReadAsync(Collection, _pk, "t1");

        read.Should().NotBeNull();
        read!.ETag.Should().NotBeNullOrEmpty().And.Be(created.ETag);
        read.Body["status"]!.GetValue<string>().Should().Be("open");
        read.Body["n"]!.GetValue<int>().Should().Be(3);
        read.Body["id"]!.GetValue<string>().Should().Be("t1");
        read.Body["pk"]!.GetValue<string>().Should().Be(_pk);
        read.Body.Select(p => p.Key).Should().NotContain(k => k.StartsWith('_'), "backend system properties stay hidden");
    }

    [Fact]
    public async Task Read_Missing_ReturnsNull()
    {
        (await Store.ReadAsync(Collection, _pk, "nope")).Should().BeNull();
    }

    [Fact]
    public async Task Create_ExistingId_ThrowsItemAlreadyExists()
    {
        await Store.CreateAsync(Collection, Doc("dup"));

        var act = () => Store.CreateAsync(Collection, Doc("dup"));

        await act.Should().ThrowAsync<ItemAlreadyExistsException>();
    }

    [Fact]
    public async Task SameId_InTwoPartitions_AreIndependentDocuments()
    {
        var otherPk = _pk + "-other";
        await Store.CreateAsync(Collection, Doc("same", new JsonObject { ["v"] = 1 }));
        await Store.CreateAsync(Collection, new Document("same", otherPk, new JsonObject { ["v"] = 2 }));

        (await Store.ReadAsync(Collection, _pk, "same"))!.Body["v"]!.GetValue<int>().Should().Be(1);
        (await Store.ReadAsync(Collection, otherPk, "same"))!.Body["v"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Upsert_Twice_OverwritesAndChangesETag()
    {
        var first = await Store.UpsertAsync(Collection, Doc("u", new JsonObject { ["v"] = 1 }));
        var second = await Store.UpsertAsync(Collection, Doc("u", new JsonObject { ["v"] = 2 }));

        second.ETag.Should().NotBe(first.ETag);
        (await Store.ReadAsync(Collection, _pk, "u"))!.Body["v"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Replace_WithCurrentETag_StoresNewBody()
    {
        var created = await Store.CreateAsync(Collection, Doc("r", new JsonObject { ["v"] = 1 }));

        var replaced = await Store.ReplaceAsync(Collection, Doc("r", new JsonObject { ["v"] = 2 }), created.ETag!);

        replaced.ETag.Should().NotBe(created.ETag);
        (await Store.ReadAsync(Collection, _pk, "r"))!.Body["v"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Replace_WithStaleETag_ThrowsETagMismatchAndKeepsWinner()
    {
        var created = await Store.CreateAsync(Collection, Doc("r", new JsonObject { ["v"] = 1 }));
        await Store.ReplaceAsync(Collection, Doc("r", new JsonObject { ["v"] = 2 }), created.ETag!);

        var act = () => Store.ReplaceAsync(Collection, Doc("r", new JsonObject { ["v"] = 3 }), created.ETag!);

        await act.Should().ThrowAsync<ETagMismatchException>();
        (await Store.ReadAsync(Collection, _pk, "r"))!.Body["v"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Replace_Missing_ThrowsItemNotFound()
    {
        var act = () => Store.ReplaceAsync(Collection, Doc("ghost"), "\"whatever\"");

        await act.Should().ThrowAsync<ItemNotFoundException>();
    }

    [Fact]
    public async Task Patch_SetIncrementRemove_AppliesAllAndChangesETag()
    {
        var created = await Store.CreateAsync(Collection, Doc("p", new JsonObject
        {
            ["status"] = "pending",
            ["reminders"] = 1,
            ["draft"] = "x",
            ["approval"] = new JsonObject { ["by"] = null },
        }));

        var patched = await Store.PatchAsync(Collection, _pk, "p",
        [
            DocumentPatch.Set("status", "approved"),
            DocumentPatch.Set("approval.by", "alice@example.test"),
            DocumentPatch.Increment("reminders", 2),
            DocumentPatch.Remove("draft"),
        ], created.ETag);

        patched.ETag.Should().NotBe(created.ETag);
        var read = (await Store.ReadAsync(Collection, _pk, "p"))!;
        read.Body["status"]!.GetValue<string>().Should().Be("approved");
        read.Body["approval"]!["by"]!.GetValue<string>().Should().Be("alice@example.test");
        read.Body["reminders"]!.GetValue<int>().Should().Be(3);
        read.Body.ContainsKey("draft").Should().BeFalse();
        read.ETag.Should().Be(patched.ETag);
    }

    [Fact]
    public async Task Patch_WithStaleETag_ThrowsETagMismatch()
    {
        var created = await Store.CreateAsync(Collection, Doc("p", new JsonObject { ["v"] = 1 }));
        await Store.UpsertAsync(Collection, Doc("p", new JsonObject { ["v"] = 2 }));

        var act = () => Store.PatchAsync(Collection, _pk, "p", [DocumentPatch.Set("v", 3)], created.ETag);

        await act.Should().ThrowAsync<ETagMismatchException>();
    }

    [Fact]
    public async Task Patch_Missing_ThrowsItemNotFound()
    {
        var act = () => Store.PatchAsync(Collection, _pk, "ghost", [DocumentPatch.Set("v", 1)]);

        await act.Should().ThrowAsync<ItemNotFoundException>();
    }

    [Fact]
    public async Task Delete_Existing_ReturnsTrueAndRemoves_ThenFalse()
    {
        await Store.CreateAsync(Collection, Doc("d"));

        (await Store.DeleteAsync(Collection, _pk, "d")).Should().BeTrue();
        (await Store.ReadAsync(Collection, _pk, "d")).Should().BeNull();
        (await Store.DeleteAsync(Collection, _pk, "d")).Should().BeFalse();
    }

    [Fact]
    public async Task Delete_WithStaleETag_ThrowsETagMismatchAndKeepsDocument()
    {
        var created = await Store.CreateAsync(Collection, Doc("d", new JsonObject { ["v"] = 1 }));
        await Store.UpsertAsync(Collection, Doc("d", new JsonObject { ["v"] = 2 }));

        var act = () => Store.DeleteAsync(Collection, _pk, "d", created.ETag);

        await act.Should().ThrowAsync<ETagMismatchException>();
        (await Store.ReadAsync(Collection, _pk, "d")).Should().NotBeNull();
    }

    [Fact]
    public async Task Create_Oversized_ThrowsPayloadTooLargeNamingSizeAndLimit()
    {
        var big = new JsonObject { ["text"] = new string('x', (int)LimitBytes) };

        var act = () => Store.CreateAsync(Collection, Doc("big", big));

        var error = (await act.Should().ThrowAsync<PayloadTooLargeException>()).Which;
        error.LimitBytes.Should().Be(LimitBytes);
        error.SizeBytes.Should().BeGreaterThan(LimitBytes);
        error.Message.Should().Contain("65,536");
        (await Store.ReadAsync(Collection, _pk, "big")).Should().BeNull();
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("what?")]
    [InlineData("")]
    public async Task Create_InvalidId_ThrowsArgumentException(string id)
    {
        var act = () => Store.CreateAsync(Collection, new Document(id, _pk, []));

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Query_Eq_ReturnsMatchesOfThisPartitionOnly()
    {
        await SeedTicketsAsync();
        await Store.CreateAsync(Collection, new Document("t1", _pk + "-other", new JsonObject { ["status"] = "open" }));

        var page = await Store.QueryAsync(Collection, new DocumentQuery(_pk) { Filters = [QueryFilter.Eq("status", "open")] });

        Ids(page).Should().BeEquivalentTo(["t1", "t3", "t5"]);
        page.Items.Should().OnlyContain(d => d.PartitionKey == _pk && d.ETag != null);
    }

    [Fact]
    public async Task Query_CombinedFilters_AreJoinedWithAnd()
    {
        await SeedTicketsAsync();

        var page = await Store.QueryAsync(Collection, new DocumentQuery(_pk)
        {
            Filters =
            [
                QueryFilter.In("status", "open", "closed"),
                QueryFilter.Ge("priority", 2),
                QueryFilter.Lt("createdTime", "2026-02-05"),
                QueryFilter.Ne("channel", "mail"),
            ],
        });

        Ids(page).Should().BeEquivalentTo(["t2", "t3"]);
    }

    [Fact]
    public async Task Query_TextAndNestedAndBooleanFilters_Match()
    {
        await SeedTicketsAsync();

        (await Ids(QueryFilter.StartsWith("subject", "Inscription"))).Should().BeEquivalentTo(["t1", "t4"]);
        (await Ids(QueryFilter.Contains("subject", "session"))).Should().BeEquivalentTo(["t2"]);
        (await Ids(QueryFilter.Eq("contact.email", "bob@example.test"))).Should().BeEquivalentTo(["t2", "t5"]);
        (await Ids(QueryFilter.Eq("urgent", true))).Should().BeEquivalentTo(["t3"]);
    }

    [Fact]
    public async Task Query_NumberFilter_IgnoresValuesOfAnotherType()
    {
        await Store.CreateAsync(Collection, Doc("num", new JsonObject { ["score"] = 5 }));
        await Store.CreateAsync(Collection, Doc("text", new JsonObject { ["score"] = "9" }));
        await Store.CreateAsync(Collection, Doc("none"));

        (await Ids(QueryFilter.Gt("score", 1))).Should().BeEquivalentTo(["num"]);
    }

    [Fact]
    public async Task Query_Paging_VisitsEveryDocumentExactlyOnce()
    {
        for (var i = 0; i < 7; i++)
        {
            await Store.CreateAsync(Collection, Doc($"m{i}", new JsonObject { ["kind"] = "msg" }));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.QueryAsync(Collection, new DocumentQuery(_pk) { PageSize = 3, ContinuationToken = token, Filters = [QueryFilter.Eq("kind", "msg")] });
            page.Items.Count.Should().BeLessThanOrEqualTo(3);
            seen.AddRange(Ids(page));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 20);

        seen.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(Enumerable.Range(0, 7).Select(i => $"m{i}"));
        pages.Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Query_UnknownField_IsRefusedBeforeReachingTheBackend()
    {
        var act = () => Store.QueryAsync(Collection, new DocumentQuery(_pk) { Filters = [QueryFilter.Eq("status; DROP", "x")] });

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [StoreFact(StoreFeature.OrderBy)]
    public async Task Query_OrderByDescending_ReturnsNewestFirst()
    {
        await SeedTicketsAsync();

        var page = await Store.QueryAsync(Collection, new DocumentQuery(_pk) { OrderBy = new QueryOrder("createdTime", Descending: true) });

        Ids(page).Should().Equal("t5", "t4", "t3", "t2", "t1");
    }

    [StoreFact(StoreFeature.OrderBy)]
    public async Task Query_OrderByWithFilterAndPaging_KeepsOrderAcrossPages()
    {
        await SeedTicketsAsync();
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await Store.QueryAsync(Collection, new DocumentQuery(_pk)
            {
                Filters = [QueryFilter.Ge("priority", 1)],
                OrderBy = new QueryOrder("priority"),
                PageSize = 2,
                ContinuationToken = token,
            });
            ids.AddRange(Ids(page));
            token = page.ContinuationToken;
        }
        while (token is not null);

        ids.Should().Equal("t1", "t4", "t2", "t5", "t3");
    }

    private Document Doc(string id, JsonObject? body = null) => new(id, _pk, body ?? []);

    private static IEnumerable<string> Ids(DocumentPage page) => page.Items.Select(d => d.Id);

    private async Task<IReadOnlyList<string>> Ids(QueryFilter filter) =>
        Ids(await Store.QueryAsync(Collection, new DocumentQuery(_pk) { Filters = [filter] })).ToList();

    /// <summary>Five tickets shaped like seed 001/004: distinct priorities and creation times for ordering.</summary>
    private async Task SeedTicketsAsync()
    {
        (string Id, string Status, int Priority, string Created, string Subject, string Channel, string Email, bool Urgent)[] rows =
        [
            ("t1", "open", 1, "2026-02-01T09:00:00Z", "Inscription examen", "form", "ann@example.test", false),
            ("t2", "closed", 3, "2026-02-02T09:00:00Z", "Changement de session", "form", "bob@example.test", false),
            ("t3", "open", 5, "2026-02-03T09:00:00Z", "Paiement refusé", "phone", "cat@example.test", true),
            ("t4", "pending", 2, "2026-02-04T09:00:00Z", "Inscription CMA", "mail", "dan@example.test", false),
            ("t5", "open", 4, "2026-02-05T09:00:00Z", "Relance dossier", "mail", "bob@example.test", false),
        ];
        foreach (var r in rows)
        {
            await Store.CreateAsync(Collection, Doc(r.Id, new JsonObject
            {
                ["status"] = r.Status,
                ["priority"] = r.Priority,
                ["createdTime"] = r.Created,
                ["subject"] = r.Subject,
                ["channel"] = r.Channel,
                ["contact"] = new JsonObject { ["email"] = r.Email },
                ["urgent"] = r.Urgent,
            }));
        }
    }
}
