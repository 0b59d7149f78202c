/*
 * optbench-exec: runs one command and reports what the kernel says it cost.
 *
 *   optbench-exec [--self-cgroup-procs FILE]... [--cgroup-procs FILE]... [--user UID:GID]
 *                 [--report FILE] -- PROGRAM [ARG]...
 *   optbench-exec [--totals] ... -- PROGRAM [ARG]...
 *   optbench-exec --idle        (PID 1 of a benchmark container: waits for SIGTERM, reaps)
 *   optbench-exec --clear DIR   (empties DIR, keeps DIR: a FROM scratch image has no rm)
 *   optbench-exec --open DIR    (chmod 0777 DIR: a volume's root, which the engine's archive API
 *                                never re-owns, made writable for the unit's user by its owner,
 *                                root without capabilities, who cannot chown)
 *
 * Why a helper at all:
 *  - wall time is taken here, next to the process, so container exec latency (~70 ms for
 *    `docker exec`) and JVM scheduling are not in the number;
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
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <dirent.h>
#include <ftw.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CGROUPS 16
static volatile pid_t child = -1;

static void forward(int sig) {
  if (child > 0) kill(child, sig);
}

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

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--idle") == 0) return idle();
  if (argc == 3 && strcmp(argv[1], "--clear") == 0) return clear_dir(argv[2]);
  if (argc == 3 && strcmp(argv[1], "--open") == 0) {
    if (chmod(argv[2], 0777) == 0) return 0;
    perror("optbench-exec: --open");
    return 1;
  }
  int totals = 0;
  const char *cgroups[MAX_CGROUPS];
  int ncg = 0;
  const char *own_cgroups[MAX_CGROUPS];
  int nown = 0;
  const char *report = NULL;
  const char *user = NULL;
  uid_t uid = 0;
  gid_t gid = 0;
  int i = 1;
  for (; i < argc; i++) {
    if (strcmp(argv[i], "--") == 0) { i++; break; }
    if (strcmp(argv[i], "--cgroup-procs") == 0 && i + 1 < argc && ncg < MAX_CGROUPS) {
      cgroups[ncg++] = argv[++i];
    } else if (strcmp(argv[i], "--self-cgroup-procs") == 0 && i + 1 < argc && nown < MAX_CGROUPS) {
      own_cgroups[nown++] = argv[++i];
    } else if (strcmp(argv[i], "--totals") == 0) {
      totals = 1;
    } else if (strcmp(argv[i], "--report") == 0 && i + 1 < argc) {
      report = argv[++i];
    } else if (strcmp(argv[i], "--user") == 0 && i + 1 < argc) {
      user = argv[++i];
      if (parse_user(user, &uid, &gid) != 0) {
        fprintf(stderr, "optbench-exec: --user wants UID:GID, both non-zero, got %s\n", user);
        return 125;
      }
    } else {
      fprintf(stderr, "optbench-exec: unknown option %s\n"
                      "usage: optbench-exec [--self-cgroup-procs FILE]... [--cgroup-procs FILE]... [--user UID:GID] [--totals] [--report FILE]"
                      " -- PROGRAM [ARG]...\n",
              argv[i]);
      return 125;
    }
  }
  if (i >= argc) {
    fprintf(stderr, "optbench-exec: no program given after --\n");
    return 125;
  }

  /* A pipe with CLOEXEC tells the parent whether exec succeeded (closed) or why not (errno). */
  int errpipe[2];
  if (pipe2(errpipe, O_CLOEXEC) != 0) { perror("optbench-exec: pipe"); return 125; }

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = forward;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);

  for (int c = 0; c < nown; c++) {
    if (join_cgroup(own_cgroups[c]) != 0) {
      fprintf(stderr, "optbench-exec: cannot join %s: %s\n", own_cgroups[c], strerror(errno));
      return 125;
    }
  }

  struct cg_totals before, after;
  int cg = totals ? read_totals(&before) : 0;
  long long start = now_ns();
  child = fork();
  if (child < 0) { perror("optbench-exec: fork"); return 125; }
  if (child == 0) {
    int stage = 0; /* 0: cgroup join, 1: drop to --user, 2: exec */
    for (int c = 0; c < ncg; c++) {
      if (join_cgroup(cgroups[c]) != 0) goto fail;
    }
    if (user) {
      stage = 2;
      int prog = open(argv[i], O_PATH | O_CLOEXEC);
      if (prog < 0) goto fail;
      stage = 1;
      if (drop_to(uid, gid) != 0) goto fail;
      stage = 2;
      fexecve(prog, &argv[i], environ);
    } else {
      stage = 2;
      execvp(argv[i], &argv[i]);
    }
  fail:;
    int e[2] = {stage, errno};
    ssize_t ignored = write(errpipe[1], e, sizeof e);
    (void)ignored;
    _exit(127);
  }
  close(errpipe[1]);
  int e[2];
  ssize_t got = read(errpipe[0], e, sizeof e);
  close(errpipe[0]);

  siginfo_t exited;
  memset(&exited, 0, sizeof exited);
  while (waitid(P_PID, child, &exited, WEXITED | WNOWAIT) < 0) {
    if (errno != EINTR) { perror("optbench-exec: waitid"); return 125; }
  }
  long long wall = now_ns() - start;
  long long run_delay = run_delay_ns(child); /* a zombie until wait4 below */

  int status = 0;
  struct rusage ru;
  memset(&ru, 0, sizeof ru);
  while (wait4(child, &status, 0, &ru) < 0) {
    if (errno != EINTR) { perror("optbench-exec: wait4"); return 125; }
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
  if (totals) {
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
  if (report) {
    FILE *f = fopen(report, "w");
    if (!f) { perror("optbench-exec: report"); return 125; }
    fprintf(f, "%s\n", line);
    fclose(f);
  } else {
    fprintf(stderr, "\n@@optbench-exec@@%s\n", line);
  }
  if (*error) return 127;
  return sig ? 128 + sig : exit_code;
}
