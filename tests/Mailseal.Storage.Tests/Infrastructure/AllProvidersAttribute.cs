using System.Reflection;
using Xunit.Sdk;

namespace Mailseal.Storage.Tests.Infrastructure;

/// <summary>Runs a theory once per storage provider, so every store test covers SQLite and PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        Enum.GetValues<StorageProvider>().Select(provider => new object[] { provider });
}
