/*
 * sandbox-probe: a static test program that reports what a sandbox lets it see and do, and
 * produces known loads (CPU seconds, touched memory) as ground truth for the counters.
 *
 *   net            print network interfaces (/proc/net/dev) and route count (/proc/net/route)
 *   status         print CapEff, CapBnd and NoNewPrivs lines of /proc/self/status
 *   burn SECONDS   spin until this process used SECONDS of CPU time
 *   touch MIB      allocate MIB MiB, write every page, exit
 *   write PATH     create PATH and write "ok"; exit 1 with errno text if impossible
 *   exit N         exit with status N
 *   raise N        kill itself with signal N
 *   sleep SECONDS  sleep
 *   stamp          print a marker "probe-variant-1" (tests change it to get a new binary)
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static int cat_lines(const char *path, const char *prefix) {
  FILE *f = fopen(path, "r");
  if (!f) { printf("cannot open %s: %s\n", path, strerror(errno)); return 1; }
  char line[512];
  while (fgets(line, sizeof line, f)) {
    if (!prefix || strncmp(line, prefix, strlen(prefix)) == 0) fputs(line, stdout);
  }
  fclose(f);
  return 0;
}

static int net(void) {
  FILE *f = fopen("/proc/net/dev", "r");
  if (!f) { printf("cannot open /proc/net/dev: %s\n", strerror(errno)); return 1; }
  char line[512];
  int n = 0;
  while (fgets(line, sizeof line, f)) {
    if (++n <= 2) continue; /* two header lines */
    char *colon = strchr(line, ':');
    if (!colon) continue;
    *colon = 0;
    char *name = line;
    while (*name == ' ') name++;
    printf("iface %s\n", name);
  }
  fclose(f);
  f = fopen("/proc/net/route", "r");
  int routes = -1; /* minus the header line */
  if (f) { while (fgets(line, sizeof line, f)) routes++; fclose(f); }
  printf("routes %d\n", routes);
  return 0;
}

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: sandbox-probe MODE [ARG]\n"); return 2; }
  const char *mode = argv[1];
  const char *arg = argc > 2 ? argv[2] : "0";
  if (!strcmp(mode, "net")) return net();
  if (!strcmp(mode, "status")) {
    cat_lines("/proc/self/status", "Cap");
    return cat_lines("/proc/self/status", "NoNewPrivs");
  }
  if (!strcmp(mode, "burn")) {
    double until = atof(arg);
    volatile unsigned long x = 0;
    while (cpu_seconds() < until) for (int i = 0; i < 100000; i++) x += i;
    return 0;
  }
  if (!strcmp(mode, "touch")) {
    size_t n = (size_t)atol(arg) << 20;
    char *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) { perror("mmap"); return 1; }
    long page = sysconf(_SC_PAGESIZE);
    for (size_t i = 0; i < n; i += page) p[i] = 1;
    printf("touched %zu\n", n);
    return 0;
  }
  if (!strcmp(mode, "write")) {
    FILE *f = fopen(arg, "w");
    if (!f) { printf("cannot write %s: %s\n", arg, strerror(errno)); return 1; }
    fputs("ok\n", f);
    fclose(f);
    return 0;
  }
  if (!strcmp(mode, "exit")) return atoi(arg);
  if (!strcmp(mode, "raise")) { raise(atoi(arg)); return 99; }
  if (!strcmp(mode, "sleep")) { sleep(atoi(arg)); return 0; }
  if (!strcmp(mode, "stamp")) { puts("probe-variant-1"); return 0; }
  if (!strcmp(mode, "spew")) { /* ARG bytes of 'x' on stdout, then one line on stderr */
    static char buf[65536];
    memset(buf, 'x', sizeof buf);
    for (long n = atol(arg); n > 0; n -= (long)sizeof buf) {
      fwrite(buf, 1, n < (long)sizeof buf ? (size_t)n : sizeof buf, stdout);
    }
    fflush(stdout);
    fprintf(stderr, "spewed %s\n", arg);
    return 0;
  }
  fprintf(stderr, "unknown mode %s\n", mode);
  return 2;
}
