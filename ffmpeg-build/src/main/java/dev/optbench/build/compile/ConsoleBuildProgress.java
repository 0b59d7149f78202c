package dev.optbench.build.compile;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints stage changes at once and, during make, a status line at most every few seconds: plain
 * lines rather than a redrawn bar, so CI logs stay readable.
 */
public final class ConsoleBuildProgress implements BuildProgress {
  private static final long EVERY_NANOS = Duration.ofSeconds(10).toNanos();
  private final PrintStream out;
  private long stageStart = System.nanoTime();
  private String lastVariant = "";
  private String lastStage = "";
  private long lastPrint;
  private int compiled;

  public ConsoleBuildProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void stage(String variant, String stage) {
    long now = System.nanoTime();
    if (stage.startsWith("make")) {
      compiled = 0;
    }
    String took =
        variant.equals(lastVariant)
            ? String.format(" (%s took %ds)", lastStage, (now - stageStart) / 1_000_000_000L)
            : "";
    out.printf("[%s] %s%s%n", variant, stage, took);
    lastVariant = variant;
    lastStage = stage;
    stageStart = now;
    lastPrint = now;
  }

  @Override
  public synchronized void compiled(String variant, String file) {
    compiled++;
    long now = System.nanoTime();
    if (now - lastPrint >= EVERY_NANOS) {
      out.printf(
          "[%s] make: %d files compiled, %ds, last %s%n",
          variant, compiled, (now - stageStart) / 1_000_000_000L, file);
      lastPrint = now;
    }
  }
}
