package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.harness.files.StaleFiles;
import dev.optbench.harness.reservation.CoreReservation;
import dev.optbench.harness.reservation.FavorDynmods;
import dev.optbench.harness.runtime.ContainerRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * What crashed or killed runs left, cleaned at the start of the next: a run.json still {@code
 * running} whose JVM is gone becomes {@code abandoned} (its finished trials stay in
 * jmh.partial.json) and loses its temporary files; the sandboxes of dead runs are removed (Docker:
 * containers and their unit cgroups; cgroup runtime: the run's cgroups and what still runs in
 * them). Live runs on the same machine are told apart by their owner (boot id, pid, start time) and
 * left alone.
 */
public final class Leftovers {
  private final PrintStream out;

  public Leftovers(PrintStream out) {
    this.out = out;
  }

  /**
   * Gives the host back the CPUs a killed run reserved ({@code --reserve-cores}): its processes
   * would otherwise stay off the benchmark CPUs until the next reboot; and the cgroup2 mount
   * options it changed.
   */
  public void undoDeadReservation() {
    CoreReservation.restoreAfterDeadOwner(CoreReservation.STATE_DIR).ifPresent(out::println);
    FavorDynmods.restoreAfterDeadOwner(CoreReservation.STATE_DIR).ifPresent(out::println);
  }

  /** Marks the dead runs under {@code resultsDir} abandoned; returns their folders. */
  public List<Path> abandonDeadRuns(Path resultsDir) {
    if (!Files.isDirectory(resultsDir)) {
      return List.of();
    }
    try (Stream<Path> runs = Files.list(resultsDir)) {
      List<Path> dead =
          runs.filter(dir -> Files.isRegularFile(new RunFolder(dir).status()))
              .filter(Leftovers::deadButRunning)
              .sorted()
              .toList();
      dead.forEach(this::abandon);
      return dead;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for earlier runs in " + resultsDir, e);
    }
  }

  private static boolean deadButRunning(Path dir) {
    try {
      RunStatus s = RunStatus.read(new RunFolder(dir).status());
      return RunStatus.RUNNING.equals(s.status()) && s.owner() != null && !s.owner().alive();
    } catch (RuntimeException unreadable) {
      return false; // not ours to judge
    }
  }

  private void abandon(Path dir) {
    RunFolder folder = new RunFolder(dir);
    RunStatus s = RunStatus.read(folder.status());
    int removed = StaleFiles.removeIn(dir);
    s.with(
            RunStatus.ABANDONED,
            "its process (pid "
                + s.owner().pid()
                + ") ended without finishing (killed or crashed); "
                + s.trialsDone()
                + " of "
                + s.trialsPlanned()
                + " trials finished, in "
                + folder.partialJson().getFileName()
                + " if any",
            Instant.now().toString(),
            s.trialsDone())
        .write(folder.status());
    out.println(
        "earlier run "
            + dir.getFileName()
            + " was killed or crashed: marked abandoned in its run.json"
            + (removed == 0 ? "" : ", " + removed + " temporary file(s) removed"));
  }

  /** Removes the sandboxes of dead optbench runs in {@code runtime}; one line says which. */
  public void removeDeadSandboxes(ContainerRuntime runtime) {
    List<String> removed = runtime.removeLeftovers();
    if (!removed.isEmpty()) {
      out.println(
          "removed "
              + removed.size()
              + " "
              + runtime.name()
              + " sandbox(es) of killed or crashed runs: "
              + removed);
    }
  }
}
