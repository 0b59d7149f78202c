package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.benchmarks.jmh.RunPlan;
import dev.optbench.benchmarks.jmh.TrialSandbox;
import dev.optbench.benchmarks.rounds.EngineLanes;
import dev.optbench.benchmarks.rounds.InterleavedResults;
import dev.optbench.benchmarks.rounds.Invocation;
import dev.optbench.benchmarks.rounds.Pair;
import dev.optbench.benchmarks.rounds.PrecisionTarget;
import dev.optbench.benchmarks.rounds.RoundOrder;
import dev.optbench.benchmarks.rounds.RoundProgress;
import dev.optbench.harness.engine.Placement;
import dev.optbench.harness.files.ResultWriteException;
import dev.optbench.harness.files.StaleFiles;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.results.model.VariantSplit;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs the plan in interleaved rounds, in this JVM: each variant's sandbox is opened once and
 * serves every round (no forked JVM, no container per trial); every round runs each (variant, unit)
 * pair once, in the order {@code rounds.json} records. After each round the rounds so far are on
 * disk as JMH JSON ({@code jmh.partial.json}); at the end {@code jmh.json}. Ctrl-C or SIGTERM marks
 * the run partial with the rounds finished by then; the sandboxes remove themselves through their
 * own shutdown hooks, every engine's lane starts no further unit, and the round under way is not
 * kept (its units fail as their sandboxes go, which is no engine's loss).
 *
 * <p>On several named engines the engines work side by side: within a round each engine runs its
 * own pairs, in the round's order, on a thread of its own ({@link EngineWorkers}), and the round
 * ends when every engine has ended its part. Everything between rounds (results on disk, the
 * precision target, progress, lost engines' bookkeeping) happens in this thread, as before; only
 * {@link LostEngines} is told of a loss from an engine's thread.
 */
final class InterleavedRun {
  private volatile RunPlan plan; // gains an image when a variant moves to another engine
  private RoundOrder seeded; // the seeded order; grows when a precision target or a move asks
  private volatile RoundOrder order; // the seeded order with the moves applied: what runs
  private final int plannedRounds;
  private final EngineMoves moves;
  private final EngineMoves.Images images;
  private final java.util.Set<String> lossesHandled = new java.util.HashSet<>();
  private final Map<Pair, Integer> roundsDropped = new LinkedHashMap<>();
  private final PrecisionTarget precision;
  private final String baseline;
  private final RunFolder folder;
  private final PrintStream out;
  private final Map<Pair, List<ResourceUsage>> measured = new LinkedHashMap<>();
  private final RoundProgress progress;
  private final LostEngines lost;
  private final List<String> engines;
  private RunStatus status;
  private volatile boolean finished;
  private volatile boolean interrupted;
  private volatile int roundsDone;
  private String writeFailure;

  InterleavedRun(
      RunPlan plan,
      RoundOrder order,
      PrecisionTarget precision,
      String baseline,
      RunStatus status,
      PrintStream out,
      Placement placement,
      EngineMoves.Images images) {
    this.plan = plan;
    this.seeded = order;
    this.order = order;
    this.plannedRounds = order.rounds().size();
    this.moves = new EngineMoves(placement, baseline);
    this.images = images;
    this.precision = precision;
    this.baseline = baseline;
    this.folder = plan.folder();
    this.status = status;
    this.out = out;
    this.progress = new RoundProgress(out, order);
    this.lost = new LostEngines(plan, out);
    this.engines =
        EngineLanes.engines(
            order.pairs(), plan.engines().stream().map(RunPlan.Engine::name).toList());
  }

  void run() {
    Thread onInterrupt = new Thread(this::interrupted, "optbench-partial-results");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    RunSandboxes sandboxes = new RunSandboxes();
    EngineWorkers workers = new EngineWorkers(engines);
    try {
      describeEngines();
      progress.stageStarted();
      sandboxes.openSideBySide(plan, order.pairs(), lost);
      if (lost.all()) {
        throw new IllegalStateException("no engine could open a sandbox: " + lost.reasons());
      }
      moveLostVariants(sandboxes);
      int warmup = 0;
      for (List<Pair> round : order.warmupRounds()) {
        List<Invocation> done = runRound(workers, sandboxes, round, true);
        timeline("w" + ++warmup, done);
        progress.warmupDone(done.stream().map(Invocation::usage).toList());
        moveLostVariants(sandboxes);
      }
      while (!interrupted) {
        // a move can change the rounds to come (and add rounds): read them afresh each time
        while (!interrupted && roundsDone < order.rounds().size()) {
          List<Pair> round = order.rounds().get(roundsDone);
          List<Invocation> done = runRound(workers, sandboxes, round, false);
          if (interrupted) {
            // Ctrl-C during the round: run.json already says how many rounds are kept, and the
            // sandboxes are being removed under the units: this round is not one of them
            break;
          }
          Map<Pair, ResourceUsage> thisRound = new LinkedHashMap<>();
          done.forEach(i -> thisRound.put(i.pair(), i.usage()));
          // a pair of an engine lost during this round keeps only the rounds all its pairs ran
          thisRound.keySet().removeIf(p -> lost.lost(p.engine()));
          thisRound.forEach((p, u) -> measured.computeIfAbsent(p, k -> new ArrayList<>()).add(u));
          roundsDone++;
          moveLostVariants(sandboxes);
          InterleavedResults.write(results(), folder.partialJson());
          timeline(Integer.toString(roundsDone), done);
          progress.roundDone(thisRound, done);
        }
        if (!moreRounds()) {
          break;
        }
      }
      finished = !interrupted;
      if (finished && !lost.reasons().isEmpty()) {
        lost.record(
            resultPairs().stream().filter(p -> !moves.leftBehind(p)).toList(),
            measured,
            roundsDone,
            folder);
        lost.recordMoves(moves.all(), roundsDropped, measured, folder);
      }
    } catch (ResultWriteException e) {
      writeFailure = e.getMessage();
    } finally {
      workers.close();
      sandboxes.closeAll(interrupted);
      progress.stageEnded();
      if (writeFailure != null && !interrupted) {
        failedToWrite();
      } else if (!finished && !interrupted) {
        status = status.with(RunStatus.FAILED, "a round stopped early", now(), pairsDone());
        status.write(folder.status());
      }
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or ran: it wrote the status
      }
    }
    if (finished) {
      try {
        InterleavedResults.write(results(), folder.jmhJson());
      } catch (ResultWriteException e) {
        writeFailure = e.getMessage();
        finished = false;
        failedToWrite();
        return;
      }
      try {
        java.nio.file.Files.deleteIfExists(folder.partialJson());
      } catch (java.io.IOException e) {
        out.println("warning: could not remove " + folder.partialJson() + ": " + e.getMessage());
      }
    }
  }

  /**
   * Asks the precision target whether the rounds so far are enough; if not, extends the order
   * (rounds.json rewritten: the rounds run so far stay its first ones) and says why.
   */
  private boolean moreRounds() {
    if (!precision.active() || interrupted) {
      return false;
    }
    PrecisionTarget.Step step =
        precision.next(VariantSplit.byParam(results(), "variant"), baseline, roundsDone);
    out.println(step.reason());
    if (step.moreRounds() == 0) {
      return false;
    }
    seeded = seeded.withRounds(seededPairs(), roundsDone + step.moreRounds());
    order = moves.applyTo(seeded);
    order.write(folder.dir());
    progress.extended(order);
    return true;
  }

  /**
   * Between rounds: the candidates of every engine lost since the last call move whole to an engine
   * still alive where the placement allows ({@link EngineMoves}); their rounds on the lost engine
   * are dropped from the results (kept as a record in {@code failures.jsonl}), each gets a sandbox
   * and its warm-up on its new engine, and from the next round on it runs in that engine's lane;
   * rounds are added so it gets the planned rounds there. What does not move says why.
   */
  private void moveLostVariants(RunSandboxes sandboxes) {
    boolean moved = false;
    for (Map.Entry<String, String> loss : lost.reasons().entrySet()) {
      if (!lossesHandled.add(loss.getKey())) {
        continue;
      }
      List<EngineMoves.Move> now =
          moves.decide(loss.getKey(), lost::lost, roundsDone, loss.getValue());
      if (now.isEmpty()) {
        out.println(
            "optbench: nothing of engine "
                + loss.getKey()
                + " moves ("
                + moves.whyNone(loss.getKey(), lost::lost)
                + "): its pairs keep the rounds they finished and are reported failed.");
      }
      for (EngineMoves.Move m : now) {
        moveWhole(m, sandboxes);
        moved = true;
      }
    }
    if (moved) {
      addRoundsForMoves();
      order.write(folder.dir());
      progress.extended(order);
      if (!lossesHandled.containsAll(lost.reasons().keySet())) {
        moveLostVariants(sandboxes); // the engine moved to was lost while the sandbox opened
      }
    }
  }

  /** One candidate's move: its rounds on the lost engine dropped, its sandbox opened and warmed. */
  private void moveWhole(EngineMoves.Move m, RunSandboxes sandboxes) {
    int dropped = 0;
    for (Pair p : new ArrayList<>(measured.keySet())) {
      if (m.left(p)) {
        dropped = measured.get(p).size();
        roundsDropped.put(p, dropped);
        measured.remove(p);
      }
    }
    out.printf(
        "optbench: %s moves whole from engine %s to engine %s after round %d: its %d round(s) on"
            + " %s are dropped from the comparison (recorded in %s); from round %d it is paired"
            + " with %s's %s round by round%n",
        m.variant(),
        m.from(),
        m.to(),
        m.firstRound(),
        dropped,
        m.from(),
        folder.failures().getFileName(),
        m.firstRound() + 1,
        m.to(),
        baseline);
    try {
      if (plan.variant(m.variant()).image(m.to()) == null) {
        long start = System.nanoTime();
        plan = plan.withImage(m.variant(), m.to(), images.prepare(m.variant(), m.to()));
        plan.write(folder.plan());
        out.printf(
            "  image of %s built on engine %s in %.1f s%n",
            m.variant(), m.to(), (System.nanoTime() - start) / 1e9);
      }
      TrialSandbox sandbox = TrialSandbox.openVariant(plan, m.variant(), m.to());
      sandboxes.add(new Pair(m.variant(), m.to(), ""), sandbox);
      int warmups = 0;
      for (int w = 0; w < order.warmupRounds().size(); w++) {
        for (String unit : status.units()) {
          invoke(sandbox, new Pair(m.variant(), m.to(), unit), true);
          warmups++;
        }
      }
      if (warmups > 0) {
        out.printf("  %s warmed up on engine %s: %d invocation(s)%n", m.variant(), m.to(), warmups);
      }
    } catch (RuntimeException e) {
      if (!lost.isOutage(m.to(), e, roundsDone)) {
        throw e;
      }
    }
  }

  /**
   * Rounds so that every moved variant gets the planned rounds on its new engine, within the run's
   * --max-rounds when a precision target sets one (a fixed -i run grows by at most the rounds
   * before the move); if the cap leaves a moved variant short, one sentence says so.
   */
  private void addRoundsForMoves() {
    int needed = moves.roundsNeeded(plannedRounds);
    int cap = precision.active() ? precision.maxRounds() : Integer.MAX_VALUE;
    int total = Math.min(needed, cap);
    if (total > seeded.rounds().size()) {
      out.printf(
          "  %d more round(s), %d in all, so that the moved variant(s) get the %d planned rounds"
              + " on their new engine%n",
          total - seeded.rounds().size(), total, plannedRounds);
      seeded = seeded.withRounds(seededPairs(), total);
    }
    order = moves.applyTo(seeded);
    moves.shortOf(plannedRounds, cap).ifPresent(note -> out.println("  note: " + note));
  }

  /**
   * Runs one round: each engine its own pairs in the round's order, the engines side by side (one
   * engine: in this thread). The invocations come back in the round's order; a lost engine's pairs
   * that did not run are not among them.
   */
  private List<Invocation> runRound(
      EngineWorkers workers, RunSandboxes sandboxes, List<Pair> round, boolean warmup) {
    Map<String, Callable<List<Invocation>>> lanes = new LinkedHashMap<>();
    EngineLanes.of(round, engines)
        .forEach(
            (engine, pairs) -> lanes.put(engine, () -> runLane(workers, sandboxes, pairs, warmup)));
    Map<Pair, Invocation> byPair = new LinkedHashMap<>();
    workers.runAll(lanes).values().forEach(done -> done.forEach(i -> byPair.put(i.pair(), i)));
    return round.stream().filter(byPair::containsKey).map(byPair::get).toList();
  }

  /** One engine's pairs of a round, one after the other. */
  private List<Invocation> runLane(
      EngineWorkers workers, RunSandboxes sandboxes, List<Pair> pairs, boolean warmup) {
    List<Invocation> done = new ArrayList<>();
    for (Pair p : pairs) {
      if (workers.stopping() || interrupted) {
        // another engine's lane failed, or Ctrl-C: the run ends after the units that run now
        break;
      }
      Instant start = Instant.now();
      long startNanos = System.nanoTime();
      invokeUnlessLost(sandboxes, p, warmup)
          .ifPresent(u -> done.add(new Invocation(p, start, startNanos, System.nanoTime(), u)));
    }
    return done;
  }

  /** Several engines: the round's invocations with their times, in timeline.jsonl. */
  private void timeline(String round, List<Invocation> done) {
    if (engines.size() > 1) {
      Timeline.append(folder, round, done);
    }
  }

  /**
   * Says how the engines will work and on which CPUs their units run, so a reader of the log can
   * tell whether two engines on one machine shared a core.
   */
  private void describeEngines() {
    if (plan.engines().isEmpty()) {
      return;
    }
    List<String> each = new ArrayList<>();
    for (String e : engines) {
      String own = plan.engine(e).cpuset();
      each.add(e + " on CPUs " + (own.isEmpty() ? plan.cpuset() + " (--cpuset)" : own));
    }
    out.println(
        (engines.size() > 1 ? "engines in parallel, one thread each: " : "engine: ")
            + String.join(", ", each));
  }

  /**
   * The pair's invocation, or none when its engine is lost (now or before): an engine that stops
   * answering ends its own pairs, not the run.
   */
  private java.util.Optional<ResourceUsage> invokeUnlessLost(
      RunSandboxes sandboxes, Pair p, boolean warmup) {
    if (lost.lost(p.engine())) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(invoke(sandboxes.of(p), p, warmup));
    } catch (RuntimeException e) {
      if (interrupted) {
        return java.util.Optional.empty(); // Ctrl-C's hook removed the sandbox: no engine is lost
      }
      if (!lost.isOutage(p.engine(), e, roundsDone)) {
        throw e;
      }
      if (lost.all()) {
        throw new IllegalStateException("every engine was lost: " + lost.reasons(), e);
      }
      return java.util.Optional.empty();
    }
  }

  /**
   * One invocation: a clean work folder (not measured), then the unit's steps (a warm-up's: {@link
   * dev.optbench.benchmarks.jmh.RunPlan.Unit#warmupSteps}).
   */
  private ResourceUsage invoke(TrialSandbox sandbox, Pair p, boolean warmup) {
    sandbox.resetWorkDir();
    return warmup ? sandbox.warmUp(p.unit()) : sandbox.runUnit(p.unit());
  }

  private List<dev.optbench.results.model.BenchmarkResult> results() {
    return InterleavedResults.of(
        resultPairs(), measured, order.warmupRounds().size(), moves::firstRound);
  }

  /** The pairs the order was shuffled from, in plan order: what it grows from. */
  private List<Pair> seededPairs() {
    return inPlanOrder(seeded.pairs());
  }

  /** Every pair that ran in some round, moved variants' pairs on their new engines too. */
  private List<Pair> resultPairs() {
    return inPlanOrder(order.rounds().stream().flatMap(List::stream).distinct().toList());
  }

  /**
   * In plan order (variants, then engines, then units), as JMH lists its trials and as the order
   * was shuffled from, not in round 0's order.
   */
  private List<Pair> inPlanOrder(List<Pair> pairs) {
    List<String> engines = plan.engines().stream().map(RunPlan.Engine::name).toList();
    return pairs.stream()
        .sorted(
            java.util.Comparator.comparingInt((Pair p) -> status.variants().indexOf(p.variant()))
                .thenComparingInt(p -> engines.indexOf(p.engine()))
                .thenComparingInt(p -> status.units().indexOf(p.unit())))
        .toList();
  }

  boolean complete() {
    return finished;
  }

  /** A result file could not be written: the run stopped, run.json says failed. */
  boolean failedToWriteResults() {
    return writeFailure != null;
  }

  /**
   * Results that cannot be kept are not results: remove the temporary files (which also frees the
   * space run.json needs on a full disk), mark the run failed and say what to do.
   */
  private void failedToWrite() {
    StaleFiles.removeIn(folder.dir());
    String message =
        writeFailure
            + "; the run stopped after "
            + roundsDone
            + " of "
            + order.rounds().size()
            + " rounds";
    try {
      status = status.with(RunStatus.FAILED, message, now(), pairsDone());
      status.write(folder.status());
    } catch (ResultWriteException e) {
      out.println("optbench: could not even mark the run failed in " + folder.status() + ": " + e);
    }
    out.println();
    out.println(
        "optbench: "
            + message
            + ". Results that cannot be written are not kept: free space or choose another"
            + " --results folder, then run again.");
  }

  boolean wasInterrupted() {
    return interrupted;
  }

  private int pairsDone() {
    return roundsDone == 0 ? 0 : order.pairs().size();
  }

  private void interrupted() {
    if (finished) {
      return;
    }
    interrupted = true;
    status =
        status.with(
            RunStatus.PARTIAL,
            "interrupted after "
                + roundsDone
                + " of "
                + order.rounds().size()
                + " rounds; finished rounds are in "
                + folder.partialJson().getFileName(),
            now(),
            pairsDone());
    status.write(folder.status());
    StaleFiles.removeIn(folder.dir()); // e.g. a series cut short, never published
    out.println();
    out.println(
        "optbench: interrupted. "
            + roundsDone
            + " of "
            + order.rounds().size()
            + " rounds finished and are kept in "
            + folder.partialJson()
            + " (JMH JSON, marked partial in run.json); sandboxes are being removed.");
    out.flush();
  }

  private static String now() {
    return Instant.now().toString();
  }
}
