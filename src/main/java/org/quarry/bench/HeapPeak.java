package org.quarry.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The most heap used since the last {@link #reset}: the sum of each heap pool's peak. The pools
 * need not peak together, so it is an upper bound of the true peak, never below it.
 */
public final class HeapPeak {
  private HeapPeak() {}

  /** Forgets the peaks so far (after a collection, so the next phase starts from its live set). */
  public static void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The peak since the last reset, in MiB. */
  public static double mib() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024.0 * 1024.0);
  }

  /** The largest heap this JVM may use, in MiB. */
  public static double maxMib() {
    return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
  }
}
