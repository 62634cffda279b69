#!/usr/bin/env bash
# Packs the packages the NuGet mirror lacks into .nuget/local-feed (listed in nuget.config).
# System.IO.Hashing (needed by Azure.Storage.Blobs) is absent from the mirror; the .NET SDK ships a
# Microsoft-built copy, which we wrap as package System.IO.Hashing 6.0.0. Idempotent, ~4 s the first time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
feed="$root/.nuget/local-feed"
[ -f "$feed/System.IO.Hashing.6.0.0.nupkg" ] && exit 0

sdk_dir="$(dirname "$(dotnet --list-sdks | tail -n1 | sed -E 's/^([^ ]+) \[(.*)\]$/\2\/\1/')/x")"
dll="$(find "$sdk_dir" -maxdepth 3 -name System.IO.Hashing.dll | head -n1)"
if [ -z "$dll" ]; then
  echo "local-feed: System.IO.Hashing.dll not found under $sdk_dir" >&2
  exit 1
fi

work="$feed/build"
rm -rf "$work" && mkdir -p "$work/lib"
cp "$dll" "$work/lib/System.IO.Hashing.dll"
cat > "$work/System.IO.Hashing.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <PackageId>System.IO.Hashing</PackageId>
    <Version>6.0.0</Version>
    <Authors>Microsoft (repackaged from the .NET SDK)</Authors>
    <Description>System.IO.Hashing as shipped in the .NET SDK, repackaged because the NuGet mirror lacks it.</Description>
    <IncludeBuildOutput>false</IncludeBuildOutput>
    <NoWarn>\$(NoWarn);NU5128</NoWarn>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
  </PropertyGroup>
  <ItemGroup>
    <None Include="lib/System.IO.Hashing.dll" Pack="true" PackagePath="lib/net10.0/" />
  </ItemGroup>
</Project>
PROJ
# Isolated from the repository's Directory.*.props and nuget.config.
printf '<Project></Project>\n' > "$work/Directory.Build.props"
printf '<Project></Project>\n' > "$work/Directory.Packages.props"
printf '<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /></packageSources></configuration>\n' > "$work/nuget.config"
dotnet pack "$work/System.IO.Hashing.csproj" -o "$feed" --nologo -v quiet >/dev/null
rm -rf "$work"
echo "local-feed: packed System.IO.Hashing 6.0.0 into $feed"
