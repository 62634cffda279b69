using Serverless.Storage.Blobs;
using Serverless.Storage.Documents;
using Serverless.Storage.Tables;

namespace Serverless.Storage.DependencyInjection;

/// <summary>A named document store adapter the "Storage:Documents:Provider" setting can choose.</summary>
public sealed record DocumentStoreProvider(string Name, Func<IServiceProvider, IDocumentStore> Create);

/// <summary>A named blob store adapter the "Storage:Blobs:Provider" setting can choose.</summary>
public sealed record BlobStoreProvider(string Name, Func<IServiceProvider, IBlobStore> Create);

/// <summary>A named table store adapter the "Storage:Tables:Provider" setting can choose.</summary>
public sealed record TableStoreProvider(string Name, Func<IServiceProvider, ITableStore> Create);
