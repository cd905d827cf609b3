package org.quarry.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;

/**
 * Cold start as a user meets it: whole processes, each started fresh, timed from launch to exit (a
 * search) or to the first answered request (the server). Each side is paired with the same command
 * run as a plain {@code java -jar} (no class-data sharing archive, the JVM's default compilers and
 * collector), in turn, so both see the same machine.
 */
public final class ColdStartBenchmark {
  /** The target of a cold search, launch to exit. */
  public static final double SEARCH_TARGET_MS = 800;

  /** The target of a server's start, launch to first answer. */
  public static final double SERVE_TARGET_MS = 1500;

  private static final Pattern SERVING = Pattern.compile("serving http://[^:]+:(\\d+)/");

  private ColdStartBenchmark() {}

  /**
   * What a run measured.
   *
   * @param search the launcher's cold searches, then the plain {@code java -jar}'s
   * @param serve the launcher's server starts, then the plain {@code java -jar}'s
   * @param jvm {@code java -version} alone, the floor under both
   */
  public record Result(Timing[] search, Timing[] serve, Timing jvm) {
    /** The table rows of the scale benchmark: each launcher figure against its plain run. */
    public List<ScaleRow> rows() {
      return List.of(
          new ScaleRow(
              "cold search: bin/quarry search, launch to exit (median of " + search[0].runs() + ")",
              "ms",
              search[0].medianMs(),
              "java -jar quarry.jar search",
              search[1].medianMs(),
              String.format(Locale.ROOT, "<= %.0f ms", SEARCH_TARGET_MS),
              search[0].medianMs() <= SEARCH_TARGET_MS),
          new ScaleRow(
              "serve start: bin/quarry serve, launch to first answer (median of "
                  + serve[0].runs()
                  + ")",
              "ms",
              serve[0].medianMs(),
              "java -jar quarry.jar serve",
              serve[1].medianMs(),
              String.format(Locale.ROOT, "<= %.0f ms", SERVE_TARGET_MS),
              serve[0].medianMs() <= SERVE_TARGET_MS));
    }
  }

  /**
   * Runs {@code searchRuns} cold searches and {@code serveRuns} server starts per side on an index
   * of {@code corpus} built under {@code work}, after one untimed run per side (which writes the
   * launcher's archive), as a table with its verdicts.
   *
   * @param home the Quarry folder, holding {@code bin/quarry} and {@code target/quarry.jar}
   */
  public static BenchReport run(Path home, Path corpus, Path work, int searchRuns, int serveRuns)
      throws IOException {
    Result r = measure(home, corpus, work, searchRuns, serveRuns);
    List<String> notes = new ArrayList<>();
    notes.add(
        verdict("cold search", r.search()[0].medianMs(), SEARCH_TARGET_MS, searchRuns)
            + "; "
            + verdict("serve start", r.serve()[0].medianMs(), SERVE_TARGET_MS, serveRuns));
    notes.add(floor(r, corpus));
    return new BenchReport(List.of(r.search(), r.serve()), notes);
  }

  /** The machine under a run: the JVM's own start, cores, load, and the index's corpus. */
  public static String floor(Result r, Path corpus) {
    return String.format(
        Locale.ROOT,
        "the JVM alone (java -version, %d runs): median %.0f ms; machine: %d cores, load"
            + " average at the end %.2f; index: %s",
        r.jvm().runs(),
        r.jvm().medianMs(),
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        corpus);
  }

  /**
   * Times {@code searchRuns} cold searches and {@code serveRuns} server starts per side, as {@link
   * #run} does.
   *
   * @throws IOException when {@code home} lacks the launcher or the jar, or a process fails
   */
  public static Result measure(Path home, Path corpus, Path work, int searchRuns, int serveRuns)
      throws IOException {
    java.util.Optional<String> missing = missing(home);
    if (missing.isPresent()) {
      throw new IOException(missing.get());
    }
    Path launcher = home.resolve("bin").resolve("quarry");
    Path jar = home.resolve("target").resolve("quarry.jar");
    Path index = work.resolve("index");
    try (Quarry q = Quarry.open(index)) {
      q.index(IndexRequest.of(corpus), IndexProgress.NONE);
    }
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    List<String> quarry = List.of(launcher.toString());
    List<String> plain =
        List.of(
            javaCommand,
            "--enable-native-access=ALL-UNNAMED",
            "-Dquarry.home=" + home,
            "-jar",
            jar.toString());
    List<String> search = List.of("search", "voice", "--index", index.toString());
    List<String> serve = List.of("serve", "--port", "0", "--quiet", "--index", index.toString());

    exited(concat(quarry, search)); // writes the archive, warms the file cache
    exited(concat(plain, search));
    long[][] searches = new long[2][searchRuns];
    for (int i = 0; i < searchRuns; i++) {
      searches[0][i] = exited(concat(quarry, search));
      searches[1][i] = exited(concat(plain, search));
    }
    answered(concat(quarry, serve));
    answered(concat(plain, serve));
    long[][] serves = new long[2][serveRuns];
    for (int i = 0; i < serveRuns; i++) {
      serves[0][i] = answered(concat(quarry, serve));
      serves[1][i] = answered(concat(plain, serve));
    }
    long[] floor = new long[searchRuns];
    for (int i = 0; i < searchRuns; i++) {
      floor[i] = exited(List.of(javaCommand, "-version"));
    }
    return new Result(
        new Timing[] {
          Timing.of("bin/quarry search voice (launch to exit)", searches[0]),
          Timing.of("java -jar quarry.jar search voice", searches[1])
        },
        new Timing[] {
          Timing.of("bin/quarry serve (launch to first answer)", serves[0]),
          Timing.of("java -jar quarry.jar serve", serves[1])
        },
        Timing.of("java -version", floor));
  }

  /** What {@code home} lacks to be timed (the launcher or the built jar), if anything. */
  public static java.util.Optional<String> missing(Path home) {
    Path launcher = home.resolve("bin").resolve("quarry");
    Path jar = home.resolve("target").resolve("quarry.jar");
    if (!Files.isExecutable(launcher) || !Files.isRegularFile(jar)) {
      return java.util.Optional.of(
          "--cold-start times "
              + launcher
              + " and "
              + jar
              + ", and one is missing: run it from a built Quarry checkout");
    }
    return java.util.Optional.empty();
  }

  private static String verdict(String what, double ms, double target, int runs) {
    return String.format(
        Locale.ROOT,
        "%s: median of %d %.0f ms, target <= %.0f ms: %s",
        what,
        runs,
        ms,
        target,
        ms <= target ? "met" : "not met");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  // launch to exit, in nanoseconds; a failed command ends the benchmark
  private static long exited(List<String> command) throws IOException {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int code = waitFor(p);
    long t = System.nanoTime() - t0;
    if (code != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + code);
    }
    return t;
  }

  // launch to the first answer of a search request, in nanoseconds; the server is stopped after
  private static long answered(List<String> command) throws IOException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String port = null;
      while (port == null) {
        String line = out.readLine(); // the server says nothing after this line: read no further
        if (line == null) {
          break;
        }
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          port = m.group(1);
        }
      }
      if (port == null) {
        throw new IOException(String.join(" ", command) + " ended without serving");
      }
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/api/v1/search?q=voice")
                  .toURL()
                  .openConnection();
      c.setConnectTimeout(10_000);
      c.setReadTimeout(30_000);
      int status = c.getResponseCode();
      c.getInputStream().readAllBytes();
      long t = System.nanoTime() - t0;
      c.disconnect();
      if (status != 200) {
        throw new IOException(String.join(" ", command) + ": search answered " + status);
      }
      return t;
    } finally {
      p.destroy();
      waitFor(p);
    }
  }

  private static int waitFor(Process p) throws IOException {
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for a child process", e);
    }
  }
}
