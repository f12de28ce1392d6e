package io.onboarding.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.onboarding.cli.OnboardingCommandLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.annotation.Scheduled;
import picocli.CommandLine;

/**
 * deploy/'s Kubernetes manifests, which no build applies (no cluster, no registry), held against the application
 * they run: what they set exists, what they probe is served, and what they promise (one nightly run at a time,
 * the key read-only, the database from a Secret) is written in them.
 */
class KubernetesManifestsTests {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Pattern SPRING_ARGUMENT = Pattern.compile("--([A-Za-z][\\w.\\-\\[\\]]*)=.*");
    private static final Pattern FINAL_NAME = Pattern.compile("<finalName>(.+)</finalName>");

    private final KubernetesManifests manifests = KubernetesManifests.load(DEPLOY);
    private final ApplicationSettings settings = ApplicationSettings.load();

    @Test
    void theManifestsAreKubernetesOwnTypesWithNoFieldTheyDoNotHave() {
        assertThat(manifests.unknownFields()).isEmpty();
        assertThat(manifests.pods()).containsOnlyKeys("onboarding-console", "onboarding-nightly");
    }

    @Test
    void everyPropertyAndVariableTheyGiveTheApplicationExistsAndEveryCommandIsOneOfTheJars() {
        assertThat(problems(manifests)).isEmpty();
        manifests.pods().values().forEach(pod -> pod.getContainers().forEach(container -> {
            // the image's ENTRYPOINT is the jar: a command of its own would bypass it
            assertThat(container.getCommand()).as(container.getName()).isEmpty();
            assertThat(container.getImage()).isEqualTo(manifests.image()).isEqualTo(jarName());
        }));
    }

    @Test
    void aManifestNamingWhatTheApplicationDoesNotHaveIsCaught(@TempDir Path copy) throws IOException {
        // given: deploy/ with a variable, a ConfigMap key and a --property misspelt, and a Kubernetes field too
        try (Stream<Path> files = Files.list(DEPLOY)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        replace(copy.resolve("deployment.yaml"), "name: ONBOARDING_INBOX_CRON", "name: ONBOARDING_INBOX_CRONE");
        replace(copy.resolve("configmap.yaml"), "ONBOARDING_NOTICES_FROM:", "ONBOARDING_NOTICE_FROM:");
        replace(copy.resolve("cronjob.yaml"), "args: [\"run\", \"nightly/customers.csv\"]",
                "args: [\"run\", \"nightly/customers.csv\", \"--onboarding.chunk-sise=50\"]");
        replace(copy.resolve("cronjob.yaml"), "readOnly: true", "readonly: true");

        // when
        KubernetesManifests wrong = KubernetesManifests.load(copy);

        // then
        assertThat(problems(wrong)).containsExactlyInAnyOrder(
                "onboarding-console/console: variable ONBOARDING_INBOX_CRONE",
                "onboarding-console/console: variable ONBOARDING_NOTICE_FROM (ConfigMap onboarding)",
                "onboarding-nightly/onboarding: variable ONBOARDING_NOTICE_FROM (ConfigMap onboarding)",
                "onboarding-nightly/onboarding: property onboarding.chunk-sise");
        assertThat(wrong.unknownFields()).singleElement().asString().endsWith(".VolumeMounts[1].readonly");
    }

    @Test
    void theConsoleServesOnEveryAddressAtServerPortWithTheProbesOfHealthGroups() {
        Deployment console = manifests.one(Deployment.class);
        Container container = single(console.getSpec().getTemplate().getSpec());
        assertThat(container.getArgs()).containsExactly("serve");
        // a pod is reached from outside itself: the kubelet's probes, the Service
        assertThat(env(container, "ONBOARDING_ADDRESS")).contains("0.0.0.0");
        assertThat(env(container, "ONBOARDING_INBOX_CRON")).as("the nightly file is the CronJob's")
                .contains(Scheduled.CRON_DISABLED);

        int serverPort = Integer.parseInt(env(container, "ONBOARDING_PORT")
                .orElse(settings.yaml().settings().get("server.port").value()));
        assertThat(container.getPorts()).singleElement().satisfies(port -> assertThat(port.getContainerPort())
                .isEqualTo(serverPort));
        assertThat(probe(container, container.getStartupProbe())).isEqualTo("/actuator/health/liveness");
        assertThat(probe(container, container.getLivenessProbe())).isEqualTo("/actuator/health/liveness");
        assertThat(probe(container, container.getReadinessProbe())).isEqualTo("/actuator/health/readiness");
        // the groups exist off Kubernetes too, and health is exposed (ConsoleControllerTests: open without sign-in)
        assertThat(Optional.ofNullable(settings.yaml().settings().get("management.endpoint.health.probes.enabled"))
                .map(ApplicationYaml.Setting::value)).contains("true");
        assertThat(settings.yaml().settings().get("management.endpoints.web.exposure.include").value().split(",\\s*"))
                .contains("health");

        Service service = manifests.one(Service.class);
        assertThat(console.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port ->
                assertThat(containerPort(container, port.getTargetPort())).isEqualTo(serverPort));
    }

    @Test
    void theNightlyRunIsOneAtATimeAndItsExitCodeIsTheJobsOutcomeWithoutARunAgain() {
        CronJob nightly = manifests.one(CronJob.class);
        assertThat(nightly.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        JobSpec job = nightly.getSpec().getJobTemplate().getSpec();
        Container container = single(job.getTemplate().getSpec());
        assertThat(container.getArgs()).first().isEqualTo("run");
        assertThat(job.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        // 1 stopped (an operator's stop stays stopped), 3 rows to fix (a re-run is refused with 3 again): no retry
        assertThat(job.getBackoffLimit()).isZero();

        List<PodFailurePolicyRule> rules = job.getPodFailurePolicy().getRules();
        assertThat(rules.get(0).getAction()).isEqualTo("Ignore");
        assertThat(rules.get(0).getOnPodConditions()).singleElement()
                .satisfies(condition -> assertThat(condition.getType()).isEqualTo("DisruptionTarget"));
        assertThat(rules.get(1).getAction()).isEqualTo("FailJob");
        assertThat(rules.get(1).getOnExitCodes().getContainerName()).isEqualTo(container.getName());
        assertThat(rules.get(1).getOnExitCodes().getOperator()).isEqualTo("In");
        assertThat(rules.get(1).getOnExitCodes().getValues())
                .containsExactlyInAnyOrderElementsOf(documentedExitCodes().stream().filter(code -> code != 0).toList());

        // the volume is ReadWriteOnce: the nightly pod goes where the console's is
        assertThat(manifests.one(PersistentVolumeClaim.class).getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(job.getTemplate().getSpec().getAffinity().getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
                .singleElement().satisfies(term -> assertThat(manifests.one(Deployment.class).getSpec().getTemplate()
                        .getMetadata().getLabels()).containsAllEntriesOf(term.getLabelSelector().getMatchLabels()));
    }

    @Test
    void theKeyIsASecretMountedReadOnlyWhereTheApplicationLooksAndTheDatabaseComesFromASecret() {
        String claim = manifests.one(PersistentVolumeClaim.class).getMetadata().getName();
        manifests.pods().forEach((workload, pod) -> {
            Container container = single(pod);
            String key = env(container, "GOOGLE_APPLICATION_CREDENTIALS").orElseThrow();
            Path keyFile = Path.of(key);
            VolumeMount mount = container.getVolumeMounts().stream()
                    .filter(m -> keyFile.getParent().equals(Path.of(m.getMountPath()))).findFirst().orElseThrow();
            assertThat(mount.getReadOnly()).as(workload).isTrue();
            Volume secret = volume(pod, mount.getName());
            assertThat(secret.getSecret()).as(workload + ": a Secret").isNotNull();
            assertThat(secret.getSecret().getItems()).as(workload).extracting(item -> item.getPath())
                    .contains(keyFile.getFileName().toString());
            // owner and group (fsGroup) only: never the world
            assertThat(secret.getSecret().getDefaultMode() & 07).as(workload).isZero();

            for (String variable : List.of("ONBOARDING_DB_URL", "ONBOARDING_DB_USER", "ONBOARDING_DB_PASSWORD")) {
                EnvVar database = container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                        .orElseThrow();
                assertThat(database.getValue()).as(workload + " " + variable).isNull();
                assertThat(database.getValueFrom().getSecretKeyRef().getName()).isEqualTo("onboarding-database");
            }

            // every relative default (reports, inbox, logs) lands on the shared volume: it is the working folder
            VolumeMount files = container.getVolumeMounts().stream()
                    .filter(m -> volume(pod, m.getName()).getPersistentVolumeClaim() != null).findFirst().orElseThrow();
            assertThat(volume(pod, files.getName()).getPersistentVolumeClaim().getClaimName()).isEqualTo(claim);
            List<String> workdirs = dockerfile("WORKDIR");
            assertThat(files.getMountPath()).isEqualTo(workdirs.get(workdirs.size() - 1));
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        });
    }

    @Test
    void theImageRunsTheJarTheBuildMakes() {
        String jar = jarName() + ".jar";
        assertThat(dockerfile("COPY").get(0)).isEqualTo(jar + " " + jar);
        assertThat(dockerfile("ENTRYPOINT")).singleElement().asString().contains("\"-jar\", \"/application/" + jar + "\"");
    }

    /** What the manifests give the application that it does not have: variables, ConfigMap keys, --properties. */
    private List<String> problems(KubernetesManifests checked) {
        List<String> problems = new ArrayList<>();
        checked.pods().forEach((workload, pod) -> pod.getContainers().forEach(container -> {
            String where = workload + "/" + container.getName() + ": ";
            for (EnvVar variable : container.getEnv()) {
                if (!settings.isVariable(variable.getName())) {
                    problems.add(where + "variable " + variable.getName());
                }
            }
            for (EnvFromSource source : container.getEnvFrom()) {
                ConfigMap map = checked.configMap(source.getConfigMapRef().getName());
                map.getData().keySet().stream().filter(name -> !settings.isVariable(name)).forEach(name ->
                        problems.add(where + "variable " + name + " (ConfigMap " + map.getMetadata().getName() + ")"));
            }
            problems.addAll(commandProblems(where, container.getArgs()));
        }));
        return problems;
    }

    /** The args as the jar's command line parses them: a subcommand it has, then only --property=value of ours. */
    private List<String> commandProblems(String where, List<String> args) {
        CommandLine.ParseResult parsed;
        try {
            parsed = new CommandLine(new OnboardingCommandLine()).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return List.of(where + "command " + args + ": " + e.getMessage());
        }
        if (!parsed.hasSubcommand()) {
            return List.of(where + "no command in " + args);
        }
        List<String> problems = new ArrayList<>();
        for (String argument : parsed.subcommand().unmatched()) {
            Matcher property = SPRING_ARGUMENT.matcher(argument);
            if (!property.matches()) {
                problems.add(where + "argument " + argument);
            } else if (!settings.isProperty(property.group(1))) {
                problems.add(where + "property " + property.group(1));
            }
        }
        return problems;
    }

    private static List<Integer> documentedExitCodes() {
        CommandLine.Command command = OnboardingCommandLine.class.getAnnotation(CommandLine.Command.class);
        return Arrays.stream(command.exitCodeList()).map(line -> Integer.parseInt(line.substring(0, line.indexOf(':'))))
                .toList();
    }

    private static Container single(PodSpec pod) {
        assertThat(pod.getContainers()).hasSize(1);
        return pod.getContainers().get(0);
    }

    private static Optional<String> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst();
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The path a probe asks, on a port of the container's that is server.port. */
    private static String probe(Container container, Probe probe) {
        assertThat(containerPort(container, probe.getHttpGet().getPort())).isEqualTo(container.getPorts().get(0)
                .getContainerPort());
        return probe.getHttpGet().getPath();
    }

    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal())).getContainerPort();
    }

    /** The Dockerfile's instructions of this kind, in order, each without the instruction's word. */
    private static List<String> dockerfile(String instruction) {
        try {
            return Files.readAllLines(DEPLOY.resolve("Dockerfile")).stream()
                    .filter(line -> line.startsWith(instruction + " "))
                    .map(line -> line.substring(instruction.length() + 1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar's name as pom.xml builds it, which is the image's name too. */
    private static String jarName() {
        try {
            Matcher name = FINAL_NAME.matcher(Files.readString(Path.of("pom.xml")));
            assertThat(name.find()).isTrue();
            return name.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
