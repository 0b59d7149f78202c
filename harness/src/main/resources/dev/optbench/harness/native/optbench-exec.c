/*
 * optbench-exec: runs one command and reports what the kernel says it cost.
 *
 *   optbench-exec [--self-cgroup-procs FILE]... [--cgroup-procs FILE]... [--user UID:GID]
 *                 [--report FILE] -- PROGRAM [ARG]...
 *   optbench-exec [--totals] ... -- PROGRAM [ARG]...
 *   optbench-exec --serve       (one request per unit on stdin, framed output on stdout: below)
 *   optbench-exec --idle        (PID 1 of a benchmark container: waits for SIGTERM, reaps)
 *   optbench-exec --clear DIR   (empties DIR, keeps DIR: a FROM scratch image has no rm)
 *   optbench-exec --open DIR    (chmod 0777 DIR: a volume's root, which the engine's archive API
 *                                never re-owns, made writable for the unit's user by its owner,
 *                                root without capabilities, who cannot chown)
 *
 * Why a helper at all:
 *  - wall time is taken here, next to the process, from the child's exec to its exit, so
 *    container exec latency (~70 ms for `docker exec`), JVM scheduling and the child's own
 *    cgroup joins (see exec_start) are not in the number;
 *  - the child joins its cgroups (--cgroup-procs, one cgroup.procs file per hierarchy) after
 *    fork and before exec, so all of its memory is charged there;
 *  - --self-cgroup-procs moves this helper itself, before the clock starts and before the fork,
 *    into a cgroup of its own that has the unit's cpuset and CPU weight but none of its counters
 *    (the sandbox's "helper" leaf). Otherwise the fork happens wherever the JVM runs: with a core
 *    reservation that is among the host's other processes, where a top-weight co-runner starves
 *    the child until it reaches its cgroup join (measured: 30 % of a 2.4 s unit's wall was such
 *    wait), and starves this helper again when it must wake to stop the clock;
 *  - ru_maxrss of a JVM child starts at the JVM's RSS; this helper is small, so the child's
 *    rusage is its own;
 *  - with --user the child drops to that unprivileged user after joining its cgroups (which needs
 *    root) and before exec: supplementary groups cleared, gid then uid set, no_new_privs on, and
 *    the program opened while still privileged and run with fexecve, so the user needs no access
 *    to the folders above the binary (a cache under /root) or above its work folder (the cwd it
 *    inherits). Only the child drops: this helper stays root to write its report.
 *
 * Contention: before reaping, the child is waited for with WNOWAIT so it stays a zombie while
 * its /proc/<pid>/schedstat is read; the 2nd field is run_delay, ns it was runnable on a run
 * queue but not running. That is the main thread's only (worker threads have exited and their
 * delays are not folded into the leader's). -1 when unreadable (a kernel without
 * CONFIG_SCHED_INFO, a /proc that hides it): unknown, never 0.
 *
 * --totals (remote engines, whose host cgroup files the JVM cannot read): the helper reads the
 * cgroup it sees as its own root under /sys/fs/cgroup — the container's, through the private
 * cgroup namespace (v2) or Docker's bind of the container's folders (v1) — right before the fork
 * and after the reap, and reports the differences: CPU (v2 cpu.stat usage/user/system_usec; v1
 * cpuacct.usage in ns and cpuacct.stat in USER_HZ ticks) and block I/O bytes (v2 io.stat; v1
 * blkio.throttle.io_service_bytes) and OOM kills (v2 memory.events, v1 memory.oom_control
 * oom_kill). Units run one at a time and PID 1 idles, so the difference is
 * the unit's plus this helper's few syscalls. Peak memory is not taken from the cgroup: the
 * container's peak counter spans every unit so far and a read-only /sys cannot reset it; the
 * child's ru_maxrss stands in. "cg" says which files were read: "v1", "v2", or "" (none).
 *
 * The report is one JSON line, written to --report FILE if given, else as the last line of
 * stderr prefixed with "@@optbench-exec@@". Exit status: the child's, or 128+signal.
 * Built static (gcc -static) so it runs in a FROM scratch image.
 *
 * --serve (the Docker runtime: one `docker exec` per sandbox instead of one per unit, whose runc
 * setup costs ~40 ms of CPU and the engine's API round trips ~20 ms more per unit): reads requests
 * from stdin until EOF, then exits 0. A request is the one-shot mode's arguments (options, --,
 * program, args) as NUL-terminated strings, ended by an empty string; argv cannot hold a NUL, so
 * nothing needs quoting and nothing is parsed beyond that. Each is run exactly as the one-shot mode
 * runs it (same function), except that the unit's stdin is /dev/null and its stdout and stderr are
 * pipes this server forwards on its own stdout as frames: 1 byte channel ('o' stdout, 'e' stderr,
 * 'r' report) + 4-byte big-endian length + payload. Messages about a request go out as 'e' frames.
 * After the unit is reaped and its pipes are drained comes one 'r' frame with the report line (no
 * marker); an empty 'r' frame means the request was refused or failed before a report existed (the
 * one-shot mode's exit status 125). SIGTERM/SIGINT/SIGHUP go to a running unit as in the one-shot
 * mode; between units they end the server. With --totals the forwarding's few syscalls are this
 * helper's, in the container's cgroup, and so in the totals as the report's own writes always were.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <dirent.h>
#include <ftw.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CGROUPS 16
static volatile pid_t child = -1;

/* The moment the child is about to exec, written by the child into a page it shares with this
 * helper: the unit's wall time starts there, not at the fork. Between the two the child joins its
 * cgroups, and the first cgroup migration after an idle spell waits for an RCU grace period (the
 * kernel's cgroup_threadgroup_rwsem): measured 6-16 ms asleep (neither CPU time nor run delay) on
 * a v1 host, kernel 6.18, while one right after another migration takes 0.05 ms. So whether a unit
 * paid it depended on what ran just before (a `docker exec`'s runc joins cgroups, the serve mode
 * does not) and put 10-14 ms and most of the spread into a 100 ms unit's wall. Joining and
 * dropping to --user are the harness's work, not the program's. NULL where mmap failed: the clock
 * then starts at the fork, as it always did. */
static volatile long long *exec_start;

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int join_cgroup(const char *procs_file) {
  int fd = open(procs_file, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char buf[32];
  int n = snprintf(buf, sizeof buf, "%d\n", (int)getpid());
  int ok = write(fd, buf, n) == n;
  close(fd);
  return ok ? 0 : -1;
}

/* "UID:GID", both decimal; anything else is refused so a typo never means "stay root". */
static int parse_user(const char *s, uid_t *uid, gid_t *gid) {
  char *end;
  errno = 0;
  unsigned long u = strtoul(s, &end, 10);
  if (errno || end == s || *end != ':') return -1;
  const char *g = end + 1;
  unsigned long v = strtoul(g, &end, 10);
  if (errno || end == g || *end != '\0' || u == 0 || v == 0) return -1;
  *uid = (uid_t)u;
  *gid = (gid_t)v;
  return 0;
}

/* Drops every privilege for good: after this, setuid(0) fails and exec cannot regain any. */
static int drop_to(uid_t uid, gid_t gid) {
  if (setgroups(0, NULL) != 0) return -1;
  if (setresgid(gid, gid, gid) != 0) return -1;
  if (setresuid(uid, uid, uid) != 0) return -1;
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -1;
  if (setuid(0) == 0) { errno = EPERM; return -1; }
  return 0;
}

/* run_delay (ns) of a not yet reaped child, or -1. */
static long long run_delay_ns(pid_t pid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  unsigned long long on_cpu, delay;
  int n = fscanf(f, "%llu %llu", &on_cpu, &delay);
  fclose(f);
  return n == 2 ? (long long)delay : -1;
}

/* The container's own cgroup counters; -1 where a file is absent. */
struct cg_totals { long long cpu_ns, user_ns, sys_ns, io_read, io_write, oom_kills; };
static const char *CG = "/sys/fs/cgroup";

/* Value of "key N" in a flat-keyed file (cpu.stat, cpuacct.stat), or -1. */
static long long keyed(const char *path, const char *key) {
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  char k[64];
  long long v, found = -1;
  while (fscanf(f, "%63s %lld", k, &v) == 2) {
    if (strcmp(k, key) == 0) { found = v; break; }
  }
  fclose(f);
  return found;
}

/* v2 io.stat: "MAJ:MIN rbytes=N wbytes=N ..." per device; summed. */
static void io_v2(struct cg_totals *t) {
  char path[128];
  snprintf(path, sizeof path, "%s/io.stat", CG);
  FILE *f = fopen(path, "r");
  if (!f) return;
  t->io_read = t->io_write = 0;
  char word[128];
  long long v;
  while (fscanf(f, "%127s", word) == 1) {
    if (sscanf(word, "rbytes=%lld", &v) == 1) t->io_read += v;
    else if (sscanf(word, "wbytes=%lld", &v) == 1) t->io_write += v;
  }
  fclose(f);
}

/* v1 blkio.throttle.io_service_bytes: "MAJ:MIN Read N" lines (and Write, Total); summed. */
static void io_v1(struct cg_totals *t) {
  char path[128];
  snprintf(path, sizeof path, "%s/blkio/blkio.throttle.io_service_bytes", CG);
  FILE *f = fopen(path, "r");
  if (!f) return;
  t->io_read = t->io_write = 0;
  char dev[64], op[16];
  long long v;
  char line[256];
  while (fgets(line, sizeof line, f)) {
    if (sscanf(line, "%63s %15s %lld", dev, op, &v) != 3) continue;
    if (strcmp(op, "Read") == 0) t->io_read += v;
    else if (strcmp(op, "Write") == 0) t->io_write += v;
  }
  fclose(f);
}

/* 2 for v2, 1 for v1, 0 when neither can be read. */
static int read_totals(struct cg_totals *t) {
  char path[128];
  t->cpu_ns = t->user_ns = t->sys_ns = t->io_read = t->io_write = t->oom_kills = -1;
  snprintf(path, sizeof path, "%s/cpu.stat", CG);
  long long usage = keyed(path, "usage_usec");
  if (usage >= 0) {
    t->cpu_ns = usage * 1000;
    long long u = keyed(path, "user_usec"), s = keyed(path, "system_usec");
    t->user_ns = u < 0 ? -1 : u * 1000;
    t->sys_ns = s < 0 ? -1 : s * 1000;
    io_v2(t);
    snprintf(path, sizeof path, "%s/memory.events", CG);
    t->oom_kills = keyed(path, "oom_kill");
    return 2;
  }
  snprintf(path, sizeof path, "%s/cpuacct/cpuacct.usage", CG);
  FILE *f = fopen(path, "r");
  if (!f) return 0;
  int n = fscanf(f, "%lld", &t->cpu_ns);
  fclose(f);
  if (n != 1) { t->cpu_ns = -1; return 0; }
  long long hz = sysconf(_SC_CLK_TCK);
  snprintf(path, sizeof path, "%s/cpuacct/cpuacct.stat", CG);
  long long u = keyed(path, "user"), s = keyed(path, "system");
  t->user_ns = u < 0 || hz <= 0 ? -1 : u * (1000000000LL / hz);
  t->sys_ns = s < 0 || hz <= 0 ? -1 : s * (1000000000LL / hz);
  io_v1(t);
  snprintf(path, sizeof path, "%s/memory/memory.oom_control", CG); /* oom_kill: kernel >= 4.13 */
  t->oom_kills = keyed(path, "oom_kill");
  return 1;
}

static long long diff(long long after, long long before) {
  return after < 0 || before < 0 ? -1 : after - before;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st; (void)flag;
  if (ftw->level == 0) return 0; /* the folder itself stays */
  return remove(path);
}

/* --clear DIR: empties DIR depth first, not following symlinks. */
static int clear_dir(const char *dir) {
  if (nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0) {
    perror("optbench-exec: --clear");
    return 1;
  }
  return 0;
}

static long long tv_us(struct timeval tv) { return (long long)tv.tv_sec * 1000000LL + tv.tv_usec; }

/* PID 1 of a FROM scratch container has no shell or sleep to run; this keeps the container
 * alive for `exec`s, reaps orphans, and exits on SIGTERM/SIGINT so `docker stop` is quick. */
static volatile sig_atomic_t stop_idle = 0;
static void on_stop(int sig) { (void)sig; stop_idle = 1; }
static int idle(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_stop;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  while (!stop_idle) {
    if (waitpid(-1, NULL, 0) < 0 && errno == ECHILD) pause();
  }
  return 0;
}

/* Serve mode (see the header): set once, for the life of the process. */
static int serving = 0;
static volatile sig_atomic_t stop_serving = 0;
static int chld_pipe[2] = {-1, -1}; /* SIGCHLD -> a byte here, so poll() wakes when the unit ends */

/* A message about this request: stderr in one-shot mode, an 'e' frame when serving. */
static int put_frame(char channel, const char *payload, size_t len);
static void say(const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n >= sizeof msg) n = sizeof msg - 1;
  if (serving) put_frame('e', msg, (size_t)n);
  else fputs(msg, stderr);
}

static int write_all(int fd, const char *p, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += n;
    len -= (size_t)n;
  }
  return 0;
}

/* One frame on stdout: channel byte, 4-byte big-endian length, payload. A lost stdout (the JVM
 * went away) ends the server by SIGPIPE, and the unit with it at its next write. */
static int put_frame(char channel, const char *payload, size_t len) {
  unsigned char head[5] = {(unsigned char)channel, (unsigned char)(len >> 24),
                           (unsigned char)(len >> 16), (unsigned char)(len >> 8),
                           (unsigned char)len};
  if (write_all(1, (const char *)head, sizeof head) != 0) return -1;
  return write_all(1, payload, len);
}

static void forward(int sig) {
  if (child > 0) kill(child, sig);
  else stop_serving = 1; /* serving, between units: stop reading requests */
}

static void on_child(int sig) {
  (void)sig;
  int saved = errno;
  ssize_t ignored = write(chld_pipe[1], "c", 1); /* non-blocking: a full pipe already wakes poll */
  (void)ignored;
  errno = saved;
}

/* What one unit is to be: the one-shot mode's arguments, from the command line or a request. */
struct request {
  int totals;
  const char *cgroups[MAX_CGROUPS];
  int ncg;
  const char *own_cgroups[MAX_CGROUPS];
  int nown;
  const char *report;
  const char *user;
  uid_t uid;
  gid_t gid;
  char **program; /* PROGRAM [ARG]..., NULL-terminated */
};

/* 0, or 125 after saying what is wrong. */
static int parse_request(int argc, char **argv, struct request *r) {
  memset(r, 0, sizeof *r);
  int i = 0;
  for (; i < argc; i++) {
    if (strcmp(argv[i], "--") == 0) { i++; break; }
    if (strcmp(argv[i], "--cgroup-procs") == 0 && i + 1 < argc && r->ncg < MAX_CGROUPS) {
      r->cgroups[r->ncg++] = argv[++i];
    } else if (strcmp(argv[i], "--self-cgroup-procs") == 0 && i + 1 < argc && r->nown < MAX_CGROUPS) {
      r->own_cgroups[r->nown++] = argv[++i];
    } else if (strcmp(argv[i], "--totals") == 0) {
      r->totals = 1;
    } else if (strcmp(argv[i], "--report") == 0 && i + 1 < argc) {
      r->report = argv[++i];
    } else if (strcmp(argv[i], "--user") == 0 && i + 1 < argc) {
      r->user = argv[++i];
      if (parse_user(r->user, &r->uid, &r->gid) != 0) {
        say("optbench-exec: --user wants UID:GID, both non-zero, got %s\n", r->user);
        return 125;
      }
    } else {
      say("optbench-exec: unknown option %s\n"
          "usage: optbench-exec [--self-cgroup-procs FILE]... [--cgroup-procs FILE]... [--user UID:GID] [--totals] [--report FILE]"
          " -- PROGRAM [ARG]...\n",
          argv[i]);
      return 125;
    }
  }
  if (i >= argc) {
    say("optbench-exec: no program given after --\n");
    return 125;
  }
  r->program = &argv[i];
  return 0;
}

#define CHUNK 65536
static char chunk[5 + CHUNK]; /* room for the frame's header before the data: one write per read */

/* Forwards what one read of fd gives as a frame; the read's result (0: EOF, <0: nothing now). */
static ssize_t forward_once(int fd, char channel) {
  ssize_t n = read(fd, chunk + 5, CHUNK);
  if (n > 0) {
    chunk[0] = channel;
    chunk[1] = (char)(n >> 24);
    chunk[2] = (char)(n >> 16);
    chunk[3] = (char)(n >> 8);
    chunk[4] = (char)n;
    write_all(1, chunk, (size_t)n + 5);
  }
  return n;
}

/* Serving: forwards the unit's stdout and stderr until it has exited (not reaped: WNOWAIT). */
static int forward_until_exit(int fds[2], siginfo_t *exited) {
  const char channel[2] = {'o', 'e'};
  for (;;) {
    struct pollfd p[3] = {{fds[0], POLLIN, 0}, {fds[1], POLLIN, 0}, {chld_pipe[0], POLLIN, 0}};
    if (poll(p, 3, -1) < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    for (int c = 0; c < 2; c++) {
      if (fds[c] >= 0 && (p[c].revents & (POLLIN | POLLHUP | POLLERR))) {
        if (forward_once(fds[c], channel[c]) == 0) { close(fds[c]); fds[c] = -1; }
      }
    }
    if (p[2].revents & POLLIN) {
      char drain[64];
      while (read(chld_pipe[0], drain, sizeof drain) > 0) {}
    }
    memset(exited, 0, sizeof *exited);
    if (waitid(P_PID, child, exited, WEXITED | WNOWAIT | WNOHANG) == 0 && exited->si_pid == child) {
      return 0;
    }
  }
}

/* After the unit: what it wrote before it ended is all in the pipes; take it, without waiting for
 * a process it left behind that still holds them (it is killed with the unit's cgroup). */
static void drain_and_close(int fds[2]) {
  const char channel[2] = {'o', 'e'};
  for (int c = 0; c < 2; c++) {
    if (fds[c] < 0) continue;
    fcntl(fds[c], F_SETFL, fcntl(fds[c], F_GETFL) | O_NONBLOCK);
    while (forward_once(fds[c], channel[c]) > 0) {}
    close(fds[c]);
    fds[c] = -1;
  }
}

/* The child's stdin when serving: /dev/null, or an empty pipe where a FROM scratch image has no
 * /dev/null (reads see EOF either way). */
static int null_input(void) {
  int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (fd >= 0) return fd;
  int p[2];
  if (pipe2(p, O_CLOEXEC) != 0) return -1;
  close(p[1]);
  return p[0];
}

/* Runs one unit as the one-shot mode always has; serving, its output goes out as frames and the
 * report as an 'r' frame (*reported set). Returns the one-shot mode's exit status. */
static int run_unit(const struct request *r, int *reported) {
  *reported = 0;
  /* A pipe with CLOEXEC tells the parent whether exec succeeded (closed) or why not (errno). */
  int errpipe[2];
  if (pipe2(errpipe, O_CLOEXEC) != 0) { say("optbench-exec: pipe: %s\n", strerror(errno)); return 125; }
  int out[2] = {-1, -1}, err[2] = {-1, -1}, in = -1;
  if (serving && (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0 || (in = null_input()) < 0)) {
    say("optbench-exec: pipe: %s\n", strerror(errno));
    goto refused;
  }

  for (int c = 0; c < r->nown; c++) {
    if (join_cgroup(r->own_cgroups[c]) != 0) {
      say("optbench-exec: cannot join %s: %s\n", r->own_cgroups[c], strerror(errno));
      goto refused;
    }
  }

  struct cg_totals before, after;
  int cg = r->totals ? read_totals(&before) : 0;
  if (!exec_start) {
    void *page = mmap(NULL, sizeof *exec_start, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (page != MAP_FAILED) exec_start = page;
  }
  if (exec_start) *exec_start = 0;
  long long forked = now_ns();
  child = fork();
  if (child < 0) {
    say("optbench-exec: fork: %s\n", strerror(errno));
    goto refused;
  }
  if (child == 0) {
    int stage = 0; /* 0: cgroup join, 1: drop to --user, 2: exec */
    if (serving) {
      signal(SIGCHLD, SIG_DFL);
      if (dup2(in, 0) < 0 || dup2(out[1], 1) < 0 || dup2(err[1], 2) < 0) goto fail;
    }
    for (int c = 0; c < r->ncg; c++) {
      if (join_cgroup(r->cgroups[c]) != 0) goto fail;
    }
    if (r->user) {
      stage = 2;
      int prog = open(r->program[0], O_PATH | O_CLOEXEC);
      if (prog < 0) goto fail;
      stage = 1;
      if (drop_to(r->uid, r->gid) != 0) goto fail;
      stage = 2;
      if (exec_start) *exec_start = now_ns();
      fexecve(prog, r->program, environ);
    } else {
      stage = 2;
      if (exec_start) *exec_start = now_ns();
      execvp(r->program[0], r->program);
    }
  fail:;
    int e[2] = {stage, errno};
    ssize_t ignored = write(errpipe[1], e, sizeof e);
    (void)ignored;
    _exit(127);
  }
  close(errpipe[1]);
  if (serving) {
    close(out[1]);
    close(err[1]);
    close(in);
  }
  int e[2];
  ssize_t got = read(errpipe[0], e, sizeof e);
  close(errpipe[0]);

  siginfo_t exited;
  memset(&exited, 0, sizeof exited);
  int fds[2] = {out[0], err[0]};
  if (serving) {
    if (forward_until_exit(fds, &exited) != 0) { say("optbench-exec: poll: %s\n", strerror(errno)); return 125; }
  } else {
    while (waitid(P_PID, child, &exited, WEXITED | WNOWAIT) < 0) {
      if (errno != EINTR) { say("optbench-exec: waitid: %s\n", strerror(errno)); return 125; }
    }
  }
  long long start = exec_start && *exec_start > 0 ? *exec_start : forked;
  long long wall = now_ns() - start;
  long long run_delay = run_delay_ns(child); /* a zombie until wait4 below */

  int status = 0;
  struct rusage ru;
  memset(&ru, 0, sizeof ru);
  while (wait4(child, &status, 0, &ru) < 0) {
    if (errno != EINTR) { say("optbench-exec: wait4: %s\n", strerror(errno)); return 125; }
  }
  if (serving) {
    child = -1; /* a signal from now on stops the server, not a unit */
    drain_and_close(fds);
  }

  if (cg) cg = read_totals(&after) == cg ? cg : 0;
  const char *error = "";
  char errbuf[256] = "";
  if (got == (ssize_t)sizeof e) {
    const char *what = e[0] == 0 ? "cannot join cgroup" : e[0] == 1 ? "cannot drop to --user" : "cannot exec";
    snprintf(errbuf, sizeof errbuf, "%s: %s", what, strerror(e[1]));
    error = errbuf;
  }
  int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;

  char cgpart[256] = "";
  if (r->totals) {
    snprintf(cgpart, sizeof cgpart,
             ",\"cg\":\"%s\",\"cg_cpu_ns\":%lld,\"cg_user_ns\":%lld,\"cg_sys_ns\":%lld,"
             "\"cg_io_read\":%lld,\"cg_io_write\":%lld,\"cg_oom_kills\":%lld",
             cg == 2 ? "v2" : cg == 1 ? "v1" : "",
             cg ? diff(after.cpu_ns, before.cpu_ns) : -1, cg ? diff(after.user_ns, before.user_ns) : -1,
             cg ? diff(after.sys_ns, before.sys_ns) : -1, cg ? diff(after.io_read, before.io_read) : -1,
             cg ? diff(after.io_write, before.io_write) : -1,
             cg ? diff(after.oom_kills, before.oom_kills) : -1);
  }
  char line[1024];
  snprintf(line, sizeof line,
           "{\"wall_ns\":%lld,\"user_us\":%lld,\"sys_us\":%lld,\"maxrss_kb\":%ld,"
           "\"run_delay_ns\":%lld,\"exit_code\":%d,\"signal\":%d,\"error\":\"%s\"%s}",
           wall, tv_us(ru.ru_utime), tv_us(ru.ru_stime), ru.ru_maxrss, run_delay, exit_code, sig,
           error, cgpart);
  if (r->report) {
    FILE *f = fopen(r->report, "w");
    if (!f) { say("optbench-exec: report: %s\n", strerror(errno)); return 125; }
    fprintf(f, "%s\n", line);
    fclose(f);
  }
  if (serving) {
    put_frame('r', line, strlen(line));
    *reported = 1;
  } else if (!r->report) {
    fprintf(stderr, "\n@@optbench-exec@@%s\n", line);
  }
  if (*error) return 127;
  return sig ? 128 + sig : exit_code;

refused: /* before the fork: a server must not leak the descriptors of a unit that never ran */
  child = -1;
  int fds_before[] = {errpipe[0], errpipe[1], out[0], out[1], err[0], err[1], in};
  for (size_t f = 0; f < sizeof fds_before / sizeof fds_before[0]; f++) {
    if (fds_before[f] >= 0) close(fds_before[f]);
  }
  return 125;
}

/* Serve mode's requests arrive here: NUL-terminated strings, an empty one ends a request. */
static char *inbuf = NULL;
static size_t incap = 0, inlen = 0;

/* The strings of the next complete request at the front of inbuf, or -1 when there is none yet;
 * *used is how many bytes it spans. */
static int split_request(char ***args, int *n, size_t *used) {
  static char **v = NULL;
  static int vcap = 0;
  int count = 0;
  size_t pos = 0;
  while (pos < inlen) {
    char *nul = memchr(inbuf + pos, '\0', inlen - pos);
    if (!nul) return -1;
    size_t len = (size_t)(nul - (inbuf + pos));
    if (len == 0) {
      if (count + 1 > vcap) {
        vcap = count + 16;
        v = realloc(v, (size_t)vcap * sizeof *v);
        if (!v) return -1;
      }
      v[count] = NULL;
      *args = v;
      *n = count;
      *used = pos + 1;
      return 0;
    }
    if (count + 2 > vcap) {
      vcap = 2 * vcap + 16;
      v = realloc(v, (size_t)vcap * sizeof *v);
      if (!v) return -1;
    }
    v[count++] = inbuf + pos;
    pos += len + 1;
  }
  return -1;
}

/* 1: a request is in *args; 0: stdin ended (or SIGTERM) between requests; -1: it ended inside one. */
static int next_request(char ***args, int *n, size_t *used) {
  for (;;) {
    if (split_request(args, n, used) == 0) return 1;
    if (stop_serving) return 0;
    if (inlen == incap) {
      incap = incap ? 2 * incap : 4096;
      inbuf = realloc(inbuf, incap);
      if (!inbuf) return -1;
    }
    ssize_t got = read(0, inbuf + inlen, incap - inlen);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return inlen == 0 ? 0 : -1;
    inlen += (size_t)got;
  }
}

/* --serve: one long-lived helper for every unit of a sandbox (one `docker exec` instead of one per
 * unit). Each request is done exactly as the one-shot mode does it. */
static int serve(void) {
  serving = 1;
  if (pipe2(chld_pipe, O_CLOEXEC | O_NONBLOCK) != 0) { perror("optbench-exec: pipe"); return 125; }
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = forward; /* no SA_RESTART: a stop between units interrupts the read */
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sa.sa_handler = on_child;
  sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, NULL);
  for (;;) {
    char **args;
    int n;
    size_t used;
    int got = next_request(&args, &n, &used);
    if (got == 0) return 0;
    if (got < 0) { fprintf(stderr, "optbench-exec: --serve: input ended inside a request\n"); return 125; }
    struct request r;
    int reported = 0;
    if (parse_request(n, args, &r) == 0) run_unit(&r, &reported);
    if (!reported) put_frame('r', "", 0); /* refused or failed before a report: status 125 */
    memmove(inbuf, inbuf + used, inlen - used);
    inlen -= used;
  }
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--idle") == 0) return idle();
  if (argc == 2 && strcmp(argv[1], "--serve") == 0) return serve();
  if (argc == 3 && strcmp(argv[1], "--clear") == 0) return clear_dir(argv[2]);
  if (argc == 3 && strcmp(argv[1], "--open") == 0) {
    if (chmod(argv[2], 0777) == 0) return 0;
    perror("optbench-exec: --open");
    return 1;
  }
  struct request r;
  int status = parse_request(argc - 1, argv + 1, &r);
  if (status != 0) return status;

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = forward;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);

  int reported;
  return run_unit(&r, &reported);
}
