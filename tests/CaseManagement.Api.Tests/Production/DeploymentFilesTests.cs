using CaseManagement.Api.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace CaseManagement.Api.Tests.Production;

/// <summary>
/// The deployment files under deploy/, checked offline (no Docker engine or cluster runs here): they
/// parse, the containers run unprivileged on a read-only root filesystem, keys come from mounted
/// secrets and never from the image or the environment, migrate and bootstrap run before the API,
/// and only the API reaches the database.
/// </summary>
public sealed class DeploymentFilesTests
{
    private static readonly string[] SecretSettings = ["Encryption__MasterKey", "ConnectionStrings__CaseManagement", "Identity__SigningCertificate__Password"];

    [Fact]
    public void The_image_is_built_in_two_stages_runs_unprivileged_with_a_health_check_and_holds_no_key()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "deploy", "Dockerfile"));
        Assert.Equal(2, lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("USER $APP_UID", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("GET /health/ready", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => SecretSettings.Any(s => l.Contains(s, StringComparison.Ordinal)) || l.Contains(".pfx", StringComparison.Ordinal));
        var ignored = File.ReadAllLines(Path.Combine(Repository.Root, ".dockerignore"));
        Assert.All(new[] { "**/*.pfx", "**/*.key", "**/secrets/", "**/.env" }, pattern => Assert.Contains(pattern, ignored));
    }

    [Theory]
    [InlineData("postgres.yaml")]
    [InlineData("sqlserver.yaml")]
    public void A_compose_file_migrates_then_bootstraps_then_serves_with_keys_from_secret_files_only(string file)
    {
        var compose = Load(Path.Combine("compose", file)).Single();
        var services = Map(compose, "services");
        Assert.Equal("migrate", Scalar(Sequence(Map(services, "migrate"), "command")[0]));
        Assert.Equal("service_healthy", Text(services, "migrate", "depends_on", "database", "condition"));
        Assert.Equal("service_completed_successfully", Text(services, "bootstrap", "depends_on", "migrate", "condition"));
        Assert.Equal("service_completed_successfully", Text(services, "api", "depends_on", "migrate", "condition"));
        Assert.Equal("setup", Scalar(Sequence(Map(services, "bootstrap"), "profiles")[0])); // run by hand: its link in no kept log
        var gateway = Text(Sequence(Map(Map(Map(compose, "networks"), "public"), "ipam"), "config")[0], "gateway");
        Assert.Equal("true", Text(compose, "networks", "data", "internal"));
        Assert.DoesNotContain("public", Sequence(Map(services, "database"), "networks").Select(Scalar));
        Assert.All(new[] { "migrate", "bootstrap", "api" }, name =>
        {
            Assert.Equal("api.yaml", Text(services, name, "extends", "file"));
            Assert.DoesNotContain(Map(Map(services, name), "environment").Children.Keys.Select(Scalar), SecretSettings.Contains);
        });

        var api = Map(Map(Load(Path.Combine("compose", "api.yaml")).Single(), "services"), "api");
        Assert.Equal(gateway, Text(api, "environment", "ForwardedHeaders__KnownProxies__0")); // the proxy's forwarded https is believed
        Assert.All(new[] { "AllowedHosts", "HEALTHCHECK_HOST" }, setting => Assert.StartsWith("${PUBLIC_HOST", Text(api, "environment", setting), StringComparison.Ordinal));
        Assert.Equal("true", Text(api, "read_only"));
        Assert.Equal("ALL", Scalar(Sequence(api, "cap_drop")[0]));
        Assert.DoesNotContain(Map(api, "environment").Children.Keys.Select(Scalar), SecretSettings.Contains);
        var mounted = Sequence(api, "secrets").Select(s => Text(s, "target")).ToList();
        Assert.All(SecretSettings, setting => Assert.Contains($"/run/secrets/casemanagement/{setting}", mounted));
        var declared = Map(compose, "secrets").Children.Keys.Select(Scalar).ToList();
        Assert.All(Sequence(api, "secrets").Select(s => Text(s, "source")), source => Assert.Contains(source, declared));
    }

    [Fact]
    public void Kubernetes_runs_two_restricted_replicas_with_probes_and_secrets_and_lets_only_the_api_reach_the_database()
    {
        var documents = new[] { "setup", "casemanagement", "migrate", "bootstrap" }.SelectMany(f => Load(Path.Combine("kubernetes", f + ".yaml"))).ToList();
        YamlMappingNode Named(string kind, string name) => documents.Single(d => Text(d, "kind") == kind && Text(d, "metadata", "name") == name);

        var deployment = Named("Deployment", "casemanagement-api");
        Assert.Equal("2", Text(deployment, "spec", "replicas"));
        var pods = new[] { deployment, Named("Job", "casemanagement-migrate"), Named("Job", "casemanagement-bootstrap") }.Select(d => Map(Map(d, "spec"), "template")).ToList();
        var images = new HashSet<string>();
        foreach (var pod in pods)
        {
            var spec = Map(pod, "spec");
            Assert.Equal("casemanagement-api", Text(pod, "metadata", "labels", "app.kubernetes.io/name")); // what the database policy admits
            Assert.Equal("true", Text(spec, "securityContext", "runAsNonRoot"));
            Assert.Equal("RuntimeDefault", Text(spec, "securityContext", "seccompProfile", "type"));
            Assert.Equal("false", Text(spec, "automountServiceAccountToken"));
            var container = (YamlMappingNode)Sequence(spec, "containers")[0];
            images.Add(Text(container, "image"));
            Assert.Equal("true", Text(container, "securityContext", "readOnlyRootFilesystem"));
            Assert.Equal("false", Text(container, "securityContext", "allowPrivilegeEscalation"));
            Assert.Equal("ALL", Scalar(Sequence(Map(Map(container, "securityContext"), "capabilities"), "drop")[0]));
            Assert.False(container.Children.ContainsKey("env"), "settings come from the ConfigMap and the mounted secrets only");
            var secrets = Sequence(spec, "volumes").Where(v => ((YamlMappingNode)v).Children.ContainsKey("secret")).Select(v => Text(v, "secret", "secretName"));
            Assert.Equal(["casemanagement-settings", "casemanagement-certificates"], secrets);
        }

        Assert.Single(images); // the Jobs run the same build as the replicas

        var probed = (YamlMappingNode)Sequence(Map(pods[0], "spec"), "containers")[0];
        var settings = Map(Named("ConfigMap", "casemanagement"), "data");
        Assert.Equal("/health/ready", Text(probed, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Text(probed, "livenessProbe", "httpGet", "path"));
        Assert.All(new[] { "readinessProbe", "livenessProbe" }, probe =>
            Assert.Equal(Text(settings, "AllowedHosts"), Text(Sequence(Map(Map(probed, probe), "httpGet"), "httpHeaders")[0], "value")));
        Assert.Equal($"https://{Text(settings, "AllowedHosts")}/", Text(settings, "Identity__Issuer"));
        Assert.True(settings.Children.ContainsKey("ForwardedHeaders__KnownNetworks__0"), "the ingress controller's forwarded https must be believed");
        Assert.DoesNotContain(settings.Children.Keys.Select(Scalar), SecretSettings.Contains);
        Assert.Equal("restricted", Text(Named("Namespace", "casemanagement"), "metadata", "labels", "pod-security.kubernetes.io/enforce"));
        // Each replica limits only what it serves: the edge limits sign-in and token requests for all of them.
        var signIn = Named("Ingress", "casemanagement-sign-in");
        Assert.Equal("60", Text(signIn, "metadata", "annotations", "nginx.ingress.kubernetes.io/limit-rpm"));
        Assert.Equal(["/account", "/connect"], Sequence(Map((YamlMappingNode)Sequence(Map(signIn, "spec"), "rules")[0], "http"), "paths").Select(p => Text(p, "path")));

        Assert.Empty(Map(Map(Named("NetworkPolicy", "default-deny-ingress"), "spec"), "podSelector").Children); // every pod
        var database = Map(Named("NetworkPolicy", "database-from-api-only"), "spec");
        Assert.Equal("casemanagement-database", Text(database, "podSelector", "matchLabels", "app.kubernetes.io/name"));
        var from = Sequence((YamlMappingNode)Sequence(database, "ingress")[0], "from");
        Assert.Equal("casemanagement-api", Text(Assert.Single(from), "podSelector", "matchLabels", "app.kubernetes.io/name"));
        Assert.Equal("casemanagement-api", Text(Named("NetworkPolicy", "api-from-ingress-only"), "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"));
    }

    private static List<YamlMappingNode> Load(string path)
    {
        using var reader = new StreamReader(Path.Combine(Repository.Root, "deploy", path));
        var stream = new YamlStream();
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static IList<YamlNode> Sequence(YamlNode node, string key) => ((YamlSequenceNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Children;

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static string Text(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return Scalar(node);
    }
}
