/*
 * burner: a workload with known cost, the ground truth for runtime tests. Operations run in order:
 *   cpu MS          burn MS milliseconds of this process's CPU time (CLOCK_PROCESS_CPUTIME_ID)
 *   threads N MS    N threads burn MS ms of CPU time each while the main thread waits in join
 *   touch MIB       allocate MIB MiB and write every page; kept until exit
 *   spike MIB MS    allocate and write MIB MiB, hold for MS ms of wall time, free it
 *   sleep MS        sleep MS milliseconds
 *   orphan MS       fork a child that sleeps MS ms (left behind when this process exits)
 *   pid             print "pid:<pid>" to stdout
 *   exit CODE       exit with CODE now
 *   signal SIG      kill itself with signal SIG
 *   cwd             print "cwd:<working directory>" to stdout
 *   dwrite MIB FILE write MIB MiB to FILE with O_DIRECT (bypasses the page cache)
 *   dread FILE      read FILE with O_DIRECT
 *   fwrite MIB FILE write MIB MiB to FILE through the page cache, then fsync (buffered I/O)
 *   id              print "uid:<uid> gid:<gid> groups:<n>" to stdout
 *   write FILE      create FILE and write "x" to it; exit 96 with the reason on stderr if it fails
 *   env             print every environment variable as "env:<NAME=value>"
 *   echo ARGS...    print every remaining argument on its own line as "arg:<arg>", then stop
 * Built static (with -pthread) so it runs in a FROM scratch image too.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static double cpu_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A worker of "threads": burns its own thread's CPU time, so N of them on one core take N x MS. */
static void *burn_thread(void *arg) {
  long ms = (long)arg;
  volatile unsigned long sink = 0;
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  double until = ts.tv_sec * 1e3 + ts.tv_nsec / 1e6 + ms;
  for (;;) {
    for (int k = 0; k < 10000; k++) sink += k;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    if (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6 >= until) return NULL;
  }
}

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0) {}
}

static char *touch(long mib) {
  size_t size = (size_t)mib << 20;
  char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) { perror("burner: mmap"); exit(99); }
  for (size_t i = 0; i < size; i += 4096) ((volatile char *)p)[i] = 1;
  return p;
}

int main(int argc, char **argv) {
  volatile unsigned long sink = 0;
  for (int i = 1; i < argc; i++) {
    const char *op = argv[i];
    long n = i + 1 < argc ? atol(argv[i + 1]) : 0;
    if (!strcmp(op, "cpu")) {
      double until = cpu_ms() + n;
      while (cpu_ms() < until) for (int k = 0; k < 10000; k++) sink += k;
      i++;
    } else if (!strcmp(op, "threads")) {
      long ms = i + 2 < argc ? atol(argv[i + 2]) : 0;
      pthread_t t[64];
      if (n < 1 || n > 64) { fprintf(stderr, "burner: threads 1..64\n"); exit(99); }
      for (long k = 0; k < n; k++) pthread_create(&t[k], NULL, burn_thread, (void *)ms);
      for (long k = 0; k < n; k++) pthread_join(t[k], NULL);
      i += 2;
    } else if (!strcmp(op, "touch")) {
      touch(n);
      i++;
    } else if (!strcmp(op, "spike")) {
      long ms = i + 2 < argc ? atol(argv[i + 2]) : 0;
      char *p = touch(n);
      sleep_ms(ms);
      munmap(p, (size_t)n << 20);
      i += 2;
    } else if (!strcmp(op, "sleep")) {
      sleep_ms(n);
      i++;
    } else if (!strcmp(op, "orphan")) {
      if (fork() == 0) { sleep_ms(n); _exit(0); }
      i++;
    } else if (!strcmp(op, "pid")) {
      printf("pid:%d\n", (int)getpid());
      fflush(stdout);
    } else if (!strcmp(op, "exit")) {
      return (int)n;
    } else if (!strcmp(op, "signal")) {
      fflush(stdout);
      raise((int)n);
      i++;
    } else if (!strcmp(op, "cwd")) {
      char buf[4096];
      printf("cwd:%s\n", getcwd(buf, sizeof buf) ? buf : "?");
      fflush(stdout);
    } else if (!strcmp(op, "dwrite") || !strcmp(op, "dread") || !strcmp(op, "fwrite")) {
      int write_op = op[1] == 'w';
      int direct = op[0] == 'd';
      const char *file = argv[i + (write_op ? 2 : 1)];
      int fd = open(file, (write_op ? O_WRONLY | O_CREAT | O_TRUNC : O_RDONLY) | (direct ? O_DIRECT : 0), 0644);
      void *buf;
      if (fd < 0 || posix_memalign(&buf, 4096, 1 << 20)) { perror("burner: open"); return 97; }
      memset(buf, 7, 1 << 20);
      if (write_op) {
        for (long k = 0; k < n; k++)
          if (write(fd, buf, 1 << 20) != 1 << 20) { perror("burner: write"); return 97; }
        if (!direct && fsync(fd) != 0) { perror("burner: fsync"); return 97; }
      } else {
        while (read(fd, buf, 1 << 20) > 0) {}
      }
      close(fd);
      i += write_op ? 2 : 1;
    } else if (!strcmp(op, "id")) {
      printf("uid:%d gid:%d groups:%d\n", (int)getuid(), (int)getgid(), getgroups(0, NULL));
      fflush(stdout);
    } else if (!strcmp(op, "write")) {
      int fd = open(argv[++i], O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd < 0 || write(fd, "x", 1) != 1) { perror("burner: write"); return 96; }
      close(fd);
    } else if (!strcmp(op, "env")) {
      extern char **environ;
      for (char **e = environ; *e; e++) printf("env:%s\n", *e);
      fflush(stdout);
    } else if (!strcmp(op, "echo")) {
      for (int k = i + 1; k < argc; k++) printf("arg:%s\n", argv[k]);
      return 0;
    } else {
      fprintf(stderr, "burner: unknown operation '%s'\n", op);
      return 98;
    }
  }
  return 0;
}
