/*
 * optbench-exec: runs one command and reports what the kernel says it cost.
 *
 *   optbench-exec [--cgroup-procs FILE]... [--report FILE] -- PROGRAM [ARG]...
 *   optbench-exec --idle        (PID 1 of a benchmark container: waits for SIGTERM, reaps)
 *
 * Why a helper at all:
 *  - wall time is taken here, next to the process, so container exec latency (~70 ms for
 *    `docker exec`) and JVM scheduling are not in the number;
 *  - the child joins its cgroups (--cgroup-procs, one cgroup.procs file per hierarchy) after
 *    fork and before exec, so all of its memory is charged there;
 *  - ru_maxrss of a JVM child starts at the JVM's RSS; this helper is small, so the child's
 *    rusage is its own.
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
#include <sys/resource.h>
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
  const char *cgroups[MAX_CGROUPS];
  int ncg = 0;
  const char *report = NULL;
  int i = 1;
  for (; i < argc; i++) {
    if (strcmp(argv[i], "--") == 0) { i++; break; }
    if (strcmp(argv[i], "--cgroup-procs") == 0 && i + 1 < argc && ncg < MAX_CGROUPS) {
      cgroups[ncg++] = argv[++i];
    } else if (strcmp(argv[i], "--report") == 0 && i + 1 < argc) {
      report = argv[++i];
    } else {
      fprintf(stderr, "optbench-exec: unknown option %s\n"
                      "usage: optbench-exec [--cgroup-procs FILE]... [--report FILE] -- PROGRAM [ARG]...\n",
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

  long long start = now_ns();
  child = fork();
  if (child < 0) { perror("optbench-exec: fork"); return 125; }
  if (child == 0) {
    int stage = 0; /* 0: cgroup join, 1: exec */
    for (int c = 0; c < ncg; c++) {
      if (join_cgroup(cgroups[c]) != 0) goto fail;
    }
    stage = 1;
    execvp(argv[i], &argv[i]);
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

  int status = 0;
  struct rusage ru;
  memset(&ru, 0, sizeof ru);
  while (wait4(child, &status, 0, &ru) < 0) {
    if (errno != EINTR) { perror("optbench-exec: wait4"); return 125; }
  }
  long long wall = now_ns() - start;

  const char *error = "";
  char errbuf[256] = "";
  if (got == (ssize_t)sizeof e) {
    snprintf(errbuf, sizeof errbuf, "%s: %s", e[0] == 0 ? "cannot join cgroup" : "cannot exec",
             strerror(e[1]));
    error = errbuf;
  }
  int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;

  char line[768];
  snprintf(line, sizeof line,
           "{\"wall_ns\":%lld,\"user_us\":%lld,\"sys_us\":%lld,\"maxrss_kb\":%ld,"
           "\"exit_code\":%d,\"signal\":%d,\"error\":\"%s\"}",
           wall, tv_us(ru.ru_utime), tv_us(ru.ru_stime), ru.ru_maxrss, exit_code, sig, error);
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
