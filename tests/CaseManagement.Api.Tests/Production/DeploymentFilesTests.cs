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
    private static readonly string[] SecretSettings = ["Encryption__MasterKey", "ConnectionStrings__CaseManagement", "Identity__SigningCertificate__Password", "Identity__EncryptionCertificate__Password"];

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
        Assert.Contains("**/*.pfx", ignored);
        Assert.Contains("**/*.key", ignored);
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
        Assert.Equal("service_completed_successfully", Text(services, "api", "depends_on", "bootstrap", "condition"));
        Assert.Equal("true", Text(compose, "networks", "data", "internal"));
        Assert.DoesNotContain("public", Sequence(Map(services, "database"), "networks").Select(Scalar));
        Assert.All(new[] { "migrate", "bootstrap", "api" }, name =>
        {
            Assert.Equal("api.yaml", Text(services, name, "extends", "file"));
            Assert.DoesNotContain(Map(Map(services, name), "environment").Children.Keys.Select(Scalar), SecretSettings.Contains);
        });

        var api = Map(Map(Load(Path.Combine("compose", "api.yaml")).Single(), "services"), "api");
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
        var documents = Load(Path.Combine("kubernetes", "casemanagement.yaml"));
        YamlMappingNode Kind(string kind) => documents.Single(d => Text(d, "kind") == kind);

        var deployment = Kind("Deployment");
        Assert.Equal("2", Text(deployment, "spec", "replicas"));
        foreach (var pod in new[] { Map(Map(deployment, "spec"), "template"), Map(Map(Kind("Job"), "spec"), "template") })
        {
            var spec = Map(pod, "spec");
            Assert.Equal("true", Text(spec, "securityContext", "runAsNonRoot"));
            Assert.Equal("RuntimeDefault", Text(spec, "securityContext", "seccompProfile", "type"));
            Assert.Equal("false", Text(spec, "automountServiceAccountToken"));
            var container = (YamlMappingNode)Sequence(spec, "containers")[0];
            Assert.Equal("true", Text(container, "securityContext", "readOnlyRootFilesystem"));
            Assert.Equal("false", Text(container, "securityContext", "allowPrivilegeEscalation"));
            Assert.Equal("ALL", Scalar(Sequence(Map(Map(container, "securityContext"), "capabilities"), "drop")[0]));
            Assert.False(container.Children.ContainsKey("env"), "settings come from the ConfigMap and the mounted secrets only");
            var secrets = Sequence(spec, "volumes").Where(v => ((YamlMappingNode)v).Children.ContainsKey("secret")).Select(v => Text(v, "secret", "secretName"));
            Assert.Equal(["casemanagement-settings", "casemanagement-certificates"], secrets);
        }

        var probed = (YamlMappingNode)Sequence(Map(Map(Map(deployment, "spec"), "template"), "spec"), "containers")[0];
        Assert.Equal("/health/ready", Text(probed, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Text(probed, "livenessProbe", "httpGet", "path"));
        Assert.DoesNotContain(Map(Kind("ConfigMap"), "data").Children.Keys.Select(Scalar), SecretSettings.Contains);
        Assert.Equal("restricted", Text(Kind("Namespace"), "metadata", "labels", "pod-security.kubernetes.io/enforce"));

        var policy = Map(Kind("NetworkPolicy"), "spec");
        Assert.Equal("casemanagement-database", Text(policy, "podSelector", "matchLabels", "app.kubernetes.io/name"));
        var from = Sequence((YamlMappingNode)Sequence(policy, "ingress")[0], "from");
        Assert.Equal("casemanagement-api", Text(Assert.Single(from), "podSelector", "matchLabels", "app.kubernetes.io/name"));
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
