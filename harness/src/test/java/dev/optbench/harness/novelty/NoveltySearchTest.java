package dev.optbench.harness.novelty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.workload.InputMode;
import dev.optbench.harness.workload.OptionSpace;
import dev.optbench.harness.workload.SpaceConfig;
import dev.optbench.harness.workload.TestCapabilities;
import dev.optbench.harness.workload.WorkloadFile;
import dev.optbench.harness.workload.WorkloadWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoveltySearchTest {
  private final OptionSpace space =
      new OptionSpace(TestCapabilities.minimal(), SpaceConfig.defaults());

  private String workload(Search search, SearchConfig config) {
    SearchResult r = search.run();
    WorkloadFile f = WorkloadAssembler.assemble(r, config, "ffmpeg test", InputMode.LIVE);
    return WorkloadWriter.json(f) + WorkloadWriter.script(f);
  }

  private Search novelty(DescriptorSpace d, SearchConfig c) {
    return new NoveltySearch(space, new FakeEvaluator(), d, c, SearchListener.NONE);
  }

  @Test
  void sameSeedGivesTheSameWorkloadByteForByte() {
    SearchConfig c = SearchConfig.defaults(42, 120);
    assertThat(workload(novelty(DescriptorSpace.INPUT, c), c))
        .isEqualTo(workload(novelty(DescriptorSpace.INPUT, c), c));
    // Behaviour space: identical given identical measurements (the fake measures
    // deterministically).
    assertThat(workload(novelty(DescriptorSpace.BEHAVIOUR, c), c))
        .isEqualTo(workload(novelty(DescriptorSpace.BEHAVIOUR, c), c));
    SearchConfig other = SearchConfig.defaults(43, 120);
    assertThat(workload(novelty(DescriptorSpace.INPUT, other), other))
        .isNotEqualTo(workload(novelty(DescriptorSpace.INPUT, c), c));
    RandomSearch random =
        new RandomSearch(space, new FakeEvaluator(), DescriptorSpace.INPUT, c, SearchListener.NONE);
    RandomSearch again =
        new RandomSearch(space, new FakeEvaluator(), DescriptorSpace.INPUT, c, SearchListener.NONE);
    assertThat(workload(random, c)).isEqualTo(workload(again, c));
  }

  @Test
  void spendsExactlyTheBudgetAndEmitsOnlyValidCommands() {
    FakeEvaluator fake = new FakeEvaluator();
    SearchConfig c = SearchConfig.defaults(5, 150).withMaxUnits(30);
    List<SearchProgress> progress = new ArrayList<>();
    List<Individual> crashes = new ArrayList<>();
    SearchListener listener =
        new SearchListener() {
          @Override
          public void generationDone(SearchProgress p) {
            progress.add(p);
          }

          @Override
          public void crashFound(Individual crash) {
            crashes.add(crash);
          }
        };
    SearchResult r = new NoveltySearch(space, fake, DescriptorSpace.BEHAVIOUR, c, listener).run();

    assertThat(fake.seen).hasSize(150);
    assertThat(r.summary().evaluations()).isEqualTo(150);
    assertThat(r.emitted()).isNotEmpty().hasSizeLessThanOrEqualTo(30).allMatch(Individual::valid);
    assertThat(r.emitted().stream().map(i -> i.command().steps()).distinct())
        .hasSize(r.emitted().size());
    int failed = r.summary().evaluations() - r.summary().valid();
    assertThat(
            r.summary().outcomes().get(Outcome.UNSUPPORTED_COMBINATION)
                + r.summary().outcomes().get(Outcome.CRASH))
        .isEqualTo(failed)
        .isPositive();
    assertThat(r.crashes()).hasSize(r.summary().crashes()).isEqualTo(crashes);
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1).evaluations()).isEqualTo(150);
    assertThat(r.summary().generations()).isPositive();
  }

  @Test
  void noveltyArchiveIsBoundedAndAdaptsItsThreshold() {
    SearchConfig c =
        new SearchConfig(9, 200, 10, 3, 0.2, 0.15, 0.3, 0.25, 4, 3, 15, 0, 1.2, 0.9, 3, 2, 50);
    SearchResult r = novelty(DescriptorSpace.INPUT, c).run();
    assertThat(r.summary().archiveSize()).isLessThanOrEqualTo(15).isPositive();
  }
}
