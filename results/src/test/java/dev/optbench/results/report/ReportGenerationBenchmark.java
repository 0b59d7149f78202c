package dev.optbench.results.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times HTML report generation for 7 variants x 50 commands x 10 repetitions (3 metrics each,
 * default 10,000 bootstrap resamples), from input to written file. A plain main rather than JMH:
 * one run takes seconds, so JMH's machinery for nanosecond code buys nothing here. Run with
 *
 * <pre>
 * java -cp results/target/classes:results/target/test-classes:$(cat cp.txt) \
 *     dev.optbench.results.report.ReportGenerationBenchmark [runs]
 * </pre>
 */
public final class ReportGenerationBenchmark {
  private ReportGenerationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    ReportInput input = ReportFixtures.input(50, 10, 10_000);
    Path out = Files.createTempFile("optbench-report", ".html");
    HtmlReport report = new HtmlReport();
    for (int i = 0; i < 2; i++) { // warm-up: class loading, JIT, font setup
      report.write(input, out);
    }
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      report.write(input, out);
      seconds[i] = (System.nanoTime() - start) / 1e9;
      System.out.printf(java.util.Locale.ROOT, "run %d: %.3f s%n", i + 1, seconds[i]);
    }
    Arrays.sort(seconds);
    System.out.printf(
        java.util.Locale.ROOT,
        "median %.3f s, min %.3f s, max %.3f s over %d runs; report %d bytes%n",
        seconds[runs / 2],
        seconds[0],
        seconds[runs - 1],
        runs,
        Files.size(out));
    Files.delete(out);
  }
}
