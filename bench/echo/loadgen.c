/* loadgen: the echo benchmark's load generator (bench/echo/run.py builds and runs it).
 *
 *   loadgen -p PORT [-c CONNS] [-s SIZE] [-t SECONDS] [-w WARMUP] [-P SERVER_PID]
 *           [-i SETTLE_SECONDS] [-T CONNECT_TIMEOUT]
 *
 * Ping-pong mode (the default): CONNS connections to 127.0.0.1:PORT, each with
 * one request of SIZE bytes in flight at a time: write the request, read until
 * SIZE bytes came back, compare every byte, send the next. WARMUP seconds of
 * that, then SECONDS measured. Every request carries different bytes (a window
 * into a random pattern that moves with the connection and the sequence
 * number), so an echo that is stale, short, reordered or from another
 * connection is a mismatch. A mismatch, an early EOF or a socket error is
 * reported on stderr at once and counted; the exit status is 1 if any
 * happened.
 *
 * One thread, one epoll set (level-triggered; EPOLLOUT is asked for only
 * after a short write), so the client spends a read, a write and a share of
 * an epoll_wait per round trip and is not the bottleneck until the server
 * is close to C's speed. When it does saturate its CPU, round trips/s stops
 * telling servers apart; the server's CPU time per round trip still does, so
 * the server's utime+stime (and utime alone: user-space CPU) is read from
 * /proc/PID/stat at the start and the end of the measured interval.
 *
 * Idle mode (-i SETTLE): open CONNS connections, do one round trip on each
 * (so the server has accepted it, allocated its read buffer and parked in
 * its next read), wait SETTLE seconds, and report the growth of the server's
 * VmRSS (and RssAnon) from /proc/PID/status since before the first connect.
 *
 * Connections are opened with non-blocking connect, at most CONNECT_WINDOW
 * at a time that have not yet finished their first round trip, so a server
 * with a short accept backlog is never flooded into SYN retransmits.
 *
 * Output: one JSON object on stdout. Latencies are in microseconds, from a
 * log-linear histogram with 1/128 relative resolution. Every loop is bounded
 * in time: connecting gives up after CONNECT_TIMEOUT seconds (default 30), and
 * the requests in flight at the end get 5 s to come back (each is checked),
 * after which every connection is closed cleanly.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CONNECT_WINDOW 64
#define PATTERN_SPREAD 4093 /* prime: request k of conn i starts at (i*131 + k*17) % spread */
#define SUB_BITS 7          /* histogram: 128 sub-buckets per power of two */
#define SUB (1 << SUB_BITS)
#define NBUCKETS (64 * SUB)
#define MAX_ERRORS_PRINTED 10

enum state { CONNECTING, SENDING, RECEIVING, IDLE, DEAD };

struct conn {
    int fd;
    enum state st;
    int up;              /* finished its first round trip */
    int want_out;        /* EPOLLOUT currently requested */
    uint64_t seq;        /* requests sent */
    size_t wpos, rpos;   /* bytes of the current request written / echoed back */
    const unsigned char *expect; /* the current request's bytes */
    uint64_t t0;         /* ns: when the current request's first byte was written */
    uint64_t measured;   /* round trips completed inside the measured interval */
};

static int port, nconns = 100, size = 64, idle_mode;
static double seconds = 5, warmup = 1, settle = 1, connect_timeout = 30;
static long server_pid;
static unsigned char *pattern, *rbuf;
static struct conn *conns;
static int ep;
static uint64_t hist[NBUCKETS];
static uint64_t errors, printed_errors, done_rt;
static char first_error[256];
static int measuring;
static uint64_t max_lat_ns;

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "loadgen: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(2);
}

static void conn_error(struct conn *c, const char *fmt, ...) {
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (char *q = msg; *q; q++) /* it goes into a JSON string */
        if (*q == '"' || *q == '\\' || (unsigned char)*q < 0x20)
            *q = '\'';
    errors++;
    if (!first_error[0])
        snprintf(first_error, sizeof first_error, "conn %ld: %s", (long)(c - conns), msg);
    if (printed_errors++ < MAX_ERRORS_PRINTED)
        fprintf(stderr, "loadgen: ERROR conn %ld (request %llu): %s\n", (long)(c - conns),
                (unsigned long long)c->seq, msg);
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
    c->st = DEAD;
}

/* ---- histogram: value v (ns) -> bucket; exact below 128 ns, then 128 per octave ---- */

static int bucket_of(uint64_t v) {
    if (v < SUB)
        return (int)v;
    int msb = 63 - __builtin_clzll(v);
    int shift = msb - SUB_BITS;
    return (shift + 1) * SUB + (int)((v >> shift) & (SUB - 1));
}

static double bucket_mid_us(int b) {
    if (b < SUB)
        return b / 1000.0;
    int shift = b / SUB - 1;
    uint64_t lo = ((uint64_t)(SUB + b % SUB)) << shift;
    return (lo + (((uint64_t)1 << shift) / 2.0)) / 1000.0;
}

static double percentile_us(uint64_t total, double q) {
    if (total == 0)
        return 0;
    uint64_t rank = (uint64_t)(q * (double)total);
    if (rank >= total)
        rank = total - 1;
    uint64_t seen = 0;
    for (int b = 0; b < NBUCKETS; b++) {
        seen += hist[b];
        if (seen > rank)
            return bucket_mid_us(b);
    }
    return 0;
}

/* ---- /proc readers ---- */

/* utime and stime of the whole thread group, in clock ticks; 0 on success. */
static int read_cpu(long pid, unsigned long long *ut, unsigned long long *st) {
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')'); /* comm may contain spaces and parentheses */
    if (!p)
        return -1;
    /* after ") ": field 3 (state) ... field 14 utime, field 15 stime */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", ut, st) != 2)
        return -1;
    return 0;
}

/* A "Key:   N kB" line of /proc/PID/status, in kB; -1 if missing. */
static long read_status_kb(long pid, const char *key) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%ld/status", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long v = -1;
    size_t kl = strlen(key);
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, kl) == 0 && line[kl] == ':') {
            v = strtol(line + kl + 1, NULL, 10);
            break;
        }
    fclose(f);
    return v;
}

/* ---- connection state machine ---- */

static void set_out(struct conn *c, int on) {
    if (c->want_out == on)
        return;
    struct epoll_event ev = {.events = EPOLLIN | (on ? EPOLLOUT : 0), .data.ptr = c};
    if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev) < 0)
        die("epoll_ctl MOD: %s", strerror(errno));
    c->want_out = on;
}

/* Write what is left of the current request; RECEIVING once it is all out. */
static void do_write(struct conn *c) {
    while (c->wpos < (size_t)size) {
        ssize_t n = write(c->fd, c->expect + c->wpos, size - c->wpos);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN) {
                set_out(c, 1);
                return;
            }
            conn_error(c, "write: %s", strerror(errno));
            return;
        }
        c->wpos += (size_t)n;
    }
    set_out(c, 0);
    c->st = RECEIVING;
}

static void send_request(struct conn *c) {
    c->expect = pattern + ((size_t)(c - conns) * 131 + c->seq * 17) % PATTERN_SPREAD;
    c->seq++;
    c->wpos = c->rpos = 0;
    c->st = SENDING;
    c->t0 = now_ns();
    do_write(c);
}

static void do_read(struct conn *c, int running) {
    for (;;) {
        /* Never read past this request: an extra byte would be the server's
         * error, and it shows up as a mismatch of the next request. */
        ssize_t n = read(c->fd, rbuf, size - c->rpos);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN)
                return;
            conn_error(c, "read: %s", strerror(errno));
            return;
        }
        if (n == 0) {
            conn_error(c, "EOF after %zu of %d echoed bytes", c->rpos, size);
            return;
        }
        if (c->st != RECEIVING) {
            conn_error(c, "%zd unexpected bytes while no request was outstanding", n);
            return;
        }
        if (memcmp(rbuf, c->expect + c->rpos, (size_t)n) != 0) {
            size_t i = 0;
            while (rbuf[i] == c->expect[c->rpos + i])
                i++;
            conn_error(c, "echo mismatch at byte %zu: sent 0x%02x, got 0x%02x", c->rpos + i,
                       c->expect[c->rpos + i], rbuf[i]);
            return;
        }
        c->rpos += (size_t)n;
        if (c->rpos < (size_t)size)
            continue;
        /* a round trip */
        if (measuring) {
            uint64_t lat = now_ns() - c->t0;
            hist[bucket_of(lat)]++;
            if (lat > max_lat_ns)
                max_lat_ns = lat;
            c->measured++;
            done_rt++;
        }
        if (!c->up) {
            c->up = 1;
            c->st = IDLE;
            return;
        }
        if (running)
            send_request(c);
        else
            c->st = IDLE;
        return;
    }
}

static void start_connect(struct conn *c) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        die("socket: %s (raise RLIMIT_NOFILE?)", strerror(errno));
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    c->fd = fd;
    c->st = CONNECTING;
    struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data.ptr = c};
    c->want_out = 1;
    if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0)
        die("epoll_ctl ADD: %s", strerror(errno));
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0 && errno != EINPROGRESS)
        conn_error(c, "connect: %s", strerror(errno));
}

static void on_event(struct conn *c, uint32_t evs, int running) {
    if (c->st == DEAD)
        return;
    if (c->st == CONNECTING) {
        if (!(evs & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
            return;
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err) {
            conn_error(c, "connect: %s", strerror(err));
            return;
        }
        send_request(c); /* the first round trip proves the server accepted it */
        return;
    }
    if (c->st == SENDING && (evs & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
        do_write(c);
    if (c->st != DEAD && (evs & (EPOLLIN | EPOLLERR | EPOLLHUP | EPOLLRDHUP)))
        do_read(c, running);
}

static struct epoll_event events[1024];

static void loop_until(uint64_t deadline, int running) {
    while (now_ns() < deadline) {
        int n = epoll_wait(ep, events, 1024, 50);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            die("epoll_wait: %s", strerror(errno));
        }
        for (int i = 0; i < n; i++)
            on_event(events[i].data.ptr, events[i].events, running);
    }
}

/* Let the requests in flight come back (and be checked), then stop. */
static void drain(double limit_s) {
    uint64_t deadline = now_ns() + (uint64_t)(limit_s * 1e9);
    for (;;) {
        int busy = 0;
        for (int i = 0; i < nconns; i++)
            busy += conns[i].st == SENDING || conns[i].st == RECEIVING;
        if (!busy)
            return;
        if (now_ns() > deadline) {
            fprintf(stderr, "loadgen: ERROR %d requests not echoed within %.0f s of the end\n",
                    busy, limit_s);
            errors += (uint64_t)busy;
            if (!first_error[0])
                snprintf(first_error, sizeof first_error,
                         "%d requests not echoed within %.0f s of the end", busy, limit_s);
            return;
        }
        int n = epoll_wait(ep, events, 1024, 50);
        if (n < 0 && errno != EINTR)
            die("epoll_wait: %s", strerror(errno));
        for (int i = 0; i < n; i++)
            on_event(events[i].data.ptr, events[i].events, 0);
    }
}

static double cpu_seconds_self(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
           ru.ru_stime.tv_usec / 1e6;
}

static void usage(void) {
    die("usage: loadgen -p PORT [-c CONNS] [-s SIZE] [-t SECONDS] [-w WARMUP] [-P SERVER_PID] "
        "[-i SETTLE] [-T CONNECT_TIMEOUT]");
}

int main(int argc, char **argv) {
    int opt;
    while ((opt = getopt(argc, argv, "p:c:s:t:w:P:i:T:")) != -1) {
        switch (opt) {
        case 'p': port = atoi(optarg); break;
        case 'c': nconns = atoi(optarg); break;
        case 's': size = atoi(optarg); break;
        case 't': seconds = atof(optarg); break;
        case 'w': warmup = atof(optarg); break;
        case 'P': server_pid = atol(optarg); break;
        case 'i': idle_mode = 1; settle = atof(optarg); break;
        case 'T': connect_timeout = atof(optarg); break;
        default: usage();
        }
    }
    if (port <= 0 || port > 65535 || nconns <= 0 || size <= 0 || seconds <= 0 || warmup < 0)
        usage();
    if (idle_mode && server_pid <= 0)
        die("idle mode needs the server's pid (-P)");

    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }

    /* the pattern: xorshift bytes, fixed seed, so runs are comparable */
    pattern = malloc((size_t)size + PATTERN_SPREAD);
    rbuf = malloc((size_t)size);
    conns = calloc((size_t)nconns, sizeof *conns);
    if (!pattern || !rbuf || !conns)
        die("out of memory");
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (size_t i = 0; i < (size_t)size + PATTERN_SPREAD; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        pattern[i] = (unsigned char)(x >> 24);
    }
    ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0)
        die("epoll_create1: %s", strerror(errno));

    long rss0 = -1, anon0 = -1;
    if (idle_mode) {
        rss0 = read_status_kb(server_pid, "VmRSS");
        anon0 = read_status_kb(server_pid, "RssAnon");
        if (rss0 < 0)
            die("cannot read /proc/%ld/status", server_pid);
    }

    /* connect, at most CONNECT_WINDOW not yet through their first round trip */
    uint64_t t_connect = now_ns();
    uint64_t connect_deadline = t_connect + (uint64_t)(connect_timeout * 1e9);
    int next = 0, up = 0, dead = 0;
    for (;;) {
        up = dead = 0;
        for (int i = 0; i < next; i++) {
            up += conns[i].up;
            dead += conns[i].st == DEAD;
        }
        if (up + dead == nconns)
            break;
        while (next < nconns && next - up - dead < CONNECT_WINDOW)
            start_connect(&conns[next++]);
        if (now_ns() > connect_deadline) {
            fprintf(stderr, "loadgen: ERROR only %d of %d connections up after %.0f s\n", up,
                    nconns, connect_timeout);
            errors++;
            if (!first_error[0])
                snprintf(first_error, sizeof first_error,
                         "only %d of %d connections up after %.0f s", up, nconns,
                         connect_timeout);
            break;
        }
        int n = epoll_wait(ep, events, 1024, 50);
        if (n < 0 && errno != EINTR)
            die("epoll_wait: %s", strerror(errno));
        for (int i = 0; i < n; i++)
            on_event(events[i].data.ptr, events[i].events, 0);
    }
    double connect_s = (now_ns() - t_connect) / 1e9;

    if (idle_mode) {
        struct timespec ts = {(time_t)settle, (long)((settle - (time_t)settle) * 1e9)};
        nanosleep(&ts, NULL);
        long rss1 = read_status_kb(server_pid, "VmRSS");
        long anon1 = read_status_kb(server_pid, "RssAnon");
        printf("{\"mode\": \"idle\", \"conns\": %d, \"up\": %d, \"connect_s\": %.3f, "
               "\"rss_before_kb\": %ld, \"rss_after_kb\": %ld, \"anon_before_kb\": %ld, "
               "\"anon_after_kb\": %ld, \"rss_per_conn_bytes\": %.1f, "
               "\"anon_per_conn_bytes\": %.1f, \"errors\": %llu, \"first_error\": \"%s\"}\n",
               nconns, up, connect_s, rss0, rss1, anon0, anon1,
               up ? (rss1 - rss0) * 1024.0 / up : 0.0, up ? (anon1 - anon0) * 1024.0 / up : 0.0,
               (unsigned long long)errors, first_error);
        return errors ? 1 : 0;
    }

    /* warm up, then measure */
    for (int i = 0; i < nconns; i++)
        if (conns[i].st == IDLE)
            send_request(&conns[i]);
    loop_until(now_ns() + (uint64_t)(warmup * 1e9), 1);

    unsigned long long ut0 = 0, st0 = 0, ut1 = 0, st1 = 0;
    int have_cpu = server_pid > 0 && read_cpu(server_pid, &ut0, &st0) == 0;
    double self0 = cpu_seconds_self();
    measuring = 1;
    uint64_t t0 = now_ns();
    loop_until(t0 + (uint64_t)(seconds * 1e9), 1);
    uint64_t t1 = now_ns();
    measuring = 0;
    have_cpu = have_cpu && read_cpu(server_pid, &ut1, &st1) == 0;
    double self1 = cpu_seconds_self();
    drain(5);

    double elapsed = (t1 - t0) / 1e9;
    double hz = (double)sysconf(_SC_CLK_TCK);
    double srv_cpu = have_cpu ? ((ut1 + st1) - (ut0 + st0)) / hz : -1;
    double srv_user = have_cpu ? (ut1 - ut0) / hz : -1;
    uint64_t cmin = UINT64_MAX, cmax = 0, starved = 0;
    int alive = 0;
    for (int i = 0; i < nconns; i++) {
        if (conns[i].st == DEAD)
            continue;
        alive++;
        uint64_t m = conns[i].measured;
        if (m < cmin) cmin = m;
        if (m > cmax) cmax = m;
        if (m == 0) starved++;
    }
    if (!alive)
        cmin = 0;
    double rts = done_rt ? (double)done_rt : 1.0;
    printf("{\"mode\": \"pingpong\", \"conns\": %d, \"size\": %d, \"seconds\": %.3f, "
           "\"connect_s\": %.3f, \"roundtrips\": %llu, \"rps\": %.1f, "
           "\"p50_us\": %.1f, \"p99_us\": %.1f, \"p999_us\": %.1f, \"max_us\": %.1f, "
           "\"server_cpu_s\": %.3f, \"server_user_s\": %.3f, "
           "\"cpu_us_per_rt\": %.3f, \"user_us_per_rt\": %.3f, \"server_cpu_share\": %.3f, "
           "\"client_cpu_share\": %.3f, \"conn_rt_min\": %llu, \"conn_rt_max\": %llu, "
           "\"starved\": %llu, \"errors\": %llu, \"first_error\": \"%s\"}\n",
           nconns, size, elapsed, connect_s, (unsigned long long)done_rt, done_rt / elapsed,
           percentile_us(done_rt, 0.50), percentile_us(done_rt, 0.99),
           percentile_us(done_rt, 0.999), max_lat_ns / 1000.0, srv_cpu, srv_user,
           have_cpu ? srv_cpu * 1e6 / rts : -1.0, have_cpu ? srv_user * 1e6 / rts : -1.0,
           have_cpu ? srv_cpu / elapsed : -1.0, (self1 - self0) / elapsed,
           (unsigned long long)cmin, (unsigned long long)cmax, (unsigned long long)starved,
           (unsigned long long)errors, first_error);
    return errors ? 1 : 0;
}
