package dev.optbench.benchmarks.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheCheckTest {
  @TempDir Path dir;

  @Test
  void aWritableFolderWithRoomIsOk() throws Exception {
    List<Finding> f = new CacheCheck(dir, 0).run();

    assertThat(f.get(0).verdict()).isEqualTo(Verdict.OK);
    assertThat(f.get(0).what()).contains(dir.toString()).contains("writable").contains("GiB free");
    assertThat(dir).isEmptyDirectory(); // the write probe cleaned up after itself
  }

  @Test
  void tooLittleFreeSpaceIsAWarningThatNamesTheNeed() throws Exception {
    List<Finding> f = new CacheCheck(dir, Long.MAX_VALUE).run();

    assertThat(f.get(0).verdict()).isEqualTo(Verdict.WARN);
    assertThat(f.get(0).what()).contains("only");
    assertThat(f.get(0).fix()).contains("--cache DIR");
  }

  @Test
  void aMissingCacheIsJudgedByItsParentAndNotCreated() throws Exception {
    Path cache = dir.resolve("a/b/optbench");

    List<Finding> f = new CacheCheck(cache, 0).run();

    assertThat(f.get(0).verdict()).isEqualTo(Verdict.OK);
    assertThat(f.get(0).what()).contains("not created yet");
    assertThat(dir.resolve("a")).doesNotExist();
  }

  @Test
  void aCacheBelowARegularFileIsAFail() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");

    List<Finding> f = new CacheCheck(file.resolve("cache"), 0).run();

    assertThat(f.get(0).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(f.get(0).fix()).contains("$OPTBENCH_CACHE");
  }
}
