package io.github.gradprop.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import org.junit.jupiter.api.Test;

/** How many threads the full check uses: as set, or, by default, as many as pay. */
class EntrySweepThreadsTests {

  @Test
  void aSetCount_isUsed_withAtLeastSixteenEntriesPerThread() {
    assertThat(EntrySweep.threadsFor(123, 2)).isEqualTo(2);
    assertThat(EntrySweep.threadsFor(123, 8)).isEqualTo(7);
    assertThat(EntrySweep.threadsFor(20, 2)).isEqualTo(1);
  }

  @Test
  void byDefault_aShortCheck_staysOnOneThread() {
    // 100 entries of a 0.3 us loss: 60 us of loss calls in all, less than one share is worth
    assertThat(EntrySweep.threadsThatPay(100, 2, 300)).isEqualTo(1);
    // the reference MLP: 1,560 entries of a 15 us loss, 47 ms
    assertThat(EntrySweep.threadsThatPay(1_560, 2, 15_000)).isEqualTo(2);
    // 1 ms of loss calls pays for two threads, not for eight
    assertThat(EntrySweep.threadsThatPay(1_000, 8, 500)).isEqualTo(2);
    assertThat(EntrySweep.threadsThatPay(1_000, 8, 0)).isEqualTo(1);
  }

  @Test
  void onlyACountSetWithWithThreads_isUsedAsSet() {
    assertThat(CheckOptions.defaults().threadsSet()).isFalse();
    assertThat(CheckOptions.defaults().withThreads(2).threadsSet()).isTrue();
    assertThat(CheckOptions.defaults().threads())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }
}
