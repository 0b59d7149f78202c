package dev.optbench.harness.runtime.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The processes of the Docker engines a run uses that carry its every request: the dockerd that
 * listens on the run's unix socket, its containerd and the shims of the run's containers. The API
 * does not say the daemon's pid, so it is found in /proc: the socket's inode in the daemon's {@code
 * net/unix}, then the process that holds that inode among its open files. Only these are named, not
 * every dockerd on the host: raising another engine's daemons (a CI service's, another user's)
 * beside the run would let them take the benchmark's share.
 *
 * <p>A shim started after the selection (one per container, forked by containerd) is born in
 * containerd's cgroup, so raising containerd covers the shims of containers the run starts later. A
 * {@code tcp://} engine, even one on this machine, names nothing: its socket is not a path.
 */
public final class EngineDaemons {
  /** /proc/<pid>/comm, which the kernel cuts to 15 characters ("containerd-shim-runc-v2"). */
  static final String DOCKERD = "dockerd";

  static final String CONTAINERD = "containerd";
  static final String SHIM = "containerd-shim";

  /** __SO_ACCEPTCON in /proc/net/unix's Flags: a listening socket. */
  private static final int LISTENING = 0x10000;

  private final Path proc;
  private final List<Proc> all;

  private EngineDaemons(Path proc) {
    this.proc = proc;
    this.all = processes(proc);
  }

  /** One process as /proc shows it. */
  private record Proc(long pid, long ppid, String comm, List<String> argv) {
    /** The value of {@code --flag=VALUE} or {@code --flag VALUE}, or {@code -flag VALUE}. */
    Optional<String> flag(String name) {
      for (int i = 0; i < argv.size(); i++) {
        String a = argv.get(i);
        if (a.startsWith(name + "=")) {
          return Optional.of(a.substring(name.length() + 1));
        }
        if (a.equals(name) && i + 1 < argv.size()) {
          return Optional.of(argv.get(i + 1));
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The daemons of the engines at {@code hosts} (their {@code unix://} sockets), sorted by pid.
   *
   * @param containerIds the run's containers whose shims are named too (none before they start)
   */
  public static List<Long> serving(Collection<String> hosts, Set<String> containerIds) {
    return serving(Path.of("/proc"), hosts, containerIds);
  }

  static List<Long> serving(Path proc, Collection<String> hosts, Set<String> containerIds) {
    EngineDaemons here = new EngineDaemons(proc);
    Set<Long> chosen = new TreeSet<>();
    for (String host : hosts) {
      if (host.startsWith("unix://")) {
        chosen.addAll(here.engineAt(host.substring("unix://".length())));
      }
    }
    chosen.addAll(here.shimsOf(containerIds));
    return List.copyOf(chosen);
  }

  /** The dockerd listening on {@code socket} and the containerd it uses. */
  private List<Long> engineAt(String socket) {
    List<Long> pids = new ArrayList<>();
    for (Proc dockerd : named(DOCKERD)) {
      if (!listensOn(dockerd, socket)) {
        continue;
      }
      pids.add(dockerd.pid());
      // --containerd names an engine-wide containerd (a system one); without it dockerd starts
      // its own as a child.
      Optional<String> containerdSocket = dockerd.flag("--containerd");
      for (Proc containerd : named(CONTAINERD)) {
        if (containerdSocket.isPresent()
            ? listensOn(containerd, containerdSocket.get())
            : containerd.ppid() == dockerd.pid()) {
          pids.add(containerd.pid());
        }
      }
    }
    return pids;
  }

  /** A shim serves one container, named by its {@code -id}. */
  private List<Long> shimsOf(Set<String> containerIds) {
    return named(SHIM).stream()
        .filter(shim -> shim.flag("-id").filter(containerIds::contains).isPresent())
        .map(Proc::pid)
        .toList();
  }

  private List<Proc> named(String comm) {
    return all.stream().filter(p -> p.comm().equals(comm)).toList();
  }

  /**
   * Whether {@code p} holds a socket listening at {@code path}: the inode from the process's own
   * {@code net/unix} (its network namespace's; a dockerd in another one lists its socket only
   * there), found among its open files as {@code socket:[inode]}.
   */
  private boolean listensOn(Proc p, String path) {
    Path dir = proc.resolve(Long.toString(p.pid()));
    Set<String> wanted = new TreeSet<>();
    for (String line : lines(dir.resolve("net/unix"))) {
      String[] f = line.trim().split("\\s+");
      // Num RefCount Protocol Flags Type St Inode Path
      if (f.length >= 8 && f[7].equals(path) && listening(f[3])) {
        wanted.add("socket:[" + f[6] + "]");
      }
    }
    if (wanted.isEmpty()) {
      return false;
    }
    try (Stream<Path> fds = Files.list(dir.resolve("fd"))) {
      return fds.anyMatch(fd -> wanted.contains(link(fd)));
    } catch (IOException gone) {
      return false; // exited, or not ours to read
    }
  }

  private static boolean listening(String flags) {
    try {
      return (Integer.parseInt(flags, 16) & LISTENING) != 0;
    } catch (NumberFormatException header) {
      return false;
    }
  }

  private static String link(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  private static List<Proc> processes(Path proc) {
    try (Stream<Path> entries = Files.list(proc)) {
      return entries
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .map(EngineDaemons::read)
          .flatMap(Optional::stream)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + proc, e);
    }
  }

  /** Empty for a process that exited while listed. */
  private static Optional<Proc> read(Path dir) {
    try {
      String comm = Files.readString(dir.resolve("comm")).strip();
      String stat = Files.readString(dir.resolve("stat"));
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so count from the last
      String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      String cmdline = Files.readString(dir.resolve("cmdline"), StandardCharsets.UTF_8);
      return Optional.of(
          new Proc(
              Long.parseLong(dir.getFileName().toString()),
              Long.parseLong(rest[1]),
              comm,
              cmdline.isEmpty() ? List.of() : List.of(cmdline.split("\0"))));
    } catch (IOException | RuntimeException gone) {
      return Optional.empty();
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
