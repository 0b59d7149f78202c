package dev.optbench.harness.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs test classes in a forked JVM as a machine without the services would: {@code DOCKER_HOST}
 * pointing at a socket that does not exist, no {@code OPTBENCH_INFLUX_URL}, no {@code
 * OPTBENCH_REQUIRE_SERVICES}. The environment of a running JVM cannot be changed, hence the fork;
 * it runs the JUnit Platform Launcher on the same class path and reports every test's outcome.
 */
public final class AbsentServices {
  /** One test (or a class that failed as a whole) and how it ended. */
  public record Result(String testClass, String test, String status, String reason) {}

  private AbsentServices() {}

  /**
   * Forks, runs the classes, returns each test's outcome.
   *
   * @param classNames fully qualified (test classes are package-private); an unknown one fails
   */
  public static List<Result> run(List<String> classNames) throws IOException, InterruptedException {
    List<String> argv =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                AbsentServices.class.getName()));
    argv.addAll(classNames);
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(false);
    Map<String, String> env = pb.environment();
    env.put("DOCKER_HOST", "unix:///nonexistent/docker.sock");
    env.remove("OPTBENCH_INFLUX_URL");
    env.remove("OPTBENCH_REQUIRE_SERVICES");
    pb.redirectError(ProcessBuilder.Redirect.INHERIT); // the [skipped] lines, for a human
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("the forked test run failed:\n" + out);
    }
    List<Result> results = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("RESULT\t")) {
        String[] f = line.split("\t", 5);
        results.add(new Result(f[1], f[2], f[3], f[4]));
      }
    }
    return results;
  }

  /** The forked side: one {@code RESULT\tclass\ttest\tstatus\treason} line per test. */
  public static void main(String[] classNames) throws ClassNotFoundException {
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true");
    for (String name : classNames) {
      request.selectors(selectClass(Class.forName(name)));
    }
    LauncherDiscoveryRequest built = request.build();
    LauncherFactory.create()
        .execute(
            built,
            new TestExecutionListener() {
              @Override
              public void executionSkipped(TestIdentifier id, String reason) {
                print(id, "SKIPPED", reason);
              }

              @Override
              public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                // Tests always; containers only when they failed (a class-level error).
                if (id.isTest() || result.getStatus() == TestExecutionResult.Status.FAILED) {
                  print(
                      id,
                      result.getStatus().name(),
                      result.getThrowable().map(String::valueOf).orElse(""));
                }
              }
            });
  }

  private static void print(TestIdentifier id, String status, String reason) {
    String source = id.getSource().map(String::valueOf).orElse("");
    String testClass = source.replaceAll(".*className = '([^']*)'.*", "$1");
    System.out.println(
        "RESULT\t"
            + testClass
            + "\t"
            + id.getDisplayName()
            + "\t"
            + status
            + "\t"
            + reason.replace('\n', ' ').replace('\t', ' '));
  }
}
