/* udp_loadgen: the UDP echo benchmark's load generator (bench/udp/run.py builds and runs it).
 *
 *   udp_loadgen -p PORT [-c CLIENTS] [-s SIZE] [-t SECONDS] [-w WARMUP] [-o TIMEOUT_MS]
 *               [-P SERVER_PID]
 *
 * CLIENTS UDP sockets, each connect(2)ed to 127.0.0.1:PORT (so each has its
 * own port and the kernel hands it only the server's datagrams), each in a
 * closed loop with one datagram of SIZE bytes outstanding: send it, wait for
 * the echo, send the next. UDP may drop a datagram (on loopback: when the
 * server's receive buffer is full), so a request not echoed within
 * TIMEOUT_MS is counted lost and the client sends a new one; an echo that
 * comes back after that is counted late (checked, not an error). WARMUP
 * seconds of that, then SECONDS measured, then the requests in flight get
 * TIMEOUT_MS to come back and the sockets are closed.
 *
 * Every datagram is checked: bytes 0-3 are the client's index, 4-11 its
 * request number, the rest a window into a random pattern that moves with
 * both, so an echo that is short, long, corrupted or meant for another
 * client is a mismatch. A mismatch or a socket error (ECONNREFUSED: the
 * server is gone) is reported on stderr and counted; the exit status is 1
 * if any happened.
 *
 * One thread, one level-triggered epoll set; per echo it spends a send, a
 * recv and a share of an epoll_wait, so it is not
 * the bottleneck until the server is near C's speed. When it is (its CPU
 * share near 100%), echoes/s stops separating servers and the server's CPU
 * time per echo, read from /proc/PID/stat at both ends of the measured
 * interval, still does.
 *
 * Output: one JSON object on stdout. Latencies in microseconds, from a
 * log-linear histogram with 1/128 relative resolution (on-time echoes only).
 * Every loop is bounded in time.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
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

#define HEADER 12           /* client index (4) + request number (8) */
#define PATTERN_SPREAD 4093 /* prime: request k of client i starts at (i*131 + k*17) % spread */
#define SUB_BITS 7          /* histogram: 128 sub-buckets per power of two */
#define SUB (1 << SUB_BITS)
#define NBUCKETS (64 * SUB)
#define MAX_ERRORS_PRINTED 10
#define SCAN_NS 1000000u /* look for timed-out requests at most once a millisecond */

struct client {
    int fd;
    int dead;
    int outstanding;   /* a request is in flight */
    uint64_t seq;      /* the request in flight (or the last one) */
    uint64_t t0;       /* ns: when it was sent */
    uint64_t measured; /* echoes received inside the measured interval */
};

static int port, nclients = 100, size = 64;
static double seconds = 2, warmup = 0.5, timeout_ms = 50;
static long server_pid;
static unsigned char *pattern, *sbuf, *rbuf;
static struct client *clients;
static int ep;
static uint64_t hist[NBUCKETS];
static uint64_t errors, printed_errors, timeout_ns;
static uint64_t m_ontime, m_late, m_lost, m_sent, m_send_fail;
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
    fprintf(stderr, "udp_loadgen: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(2);
}

static void client_error(struct client *c, int fatal, const char *fmt, ...) {
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
        snprintf(first_error, sizeof first_error, "client %ld: %s", (long)(c - clients), msg);
    if (printed_errors++ < MAX_ERRORS_PRINTED)
        fprintf(stderr, "udp_loadgen: ERROR client %ld (request %llu): %s\n",
                (long)(c - clients), (unsigned long long)c->seq, msg);
    if (fatal) {
        close(c->fd);
        c->fd = -1;
        c->dead = 1;
        c->outstanding = 0;
    }
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

/* ---- the datagrams ---- */

static const unsigned char *body_of(long i, uint64_t seq) {
    return pattern + ((size_t)i * 131 + seq * 17) % PATTERN_SPREAD;
}

static void send_request(struct client *c, uint64_t now) {
    long i = (long)(c - clients);
    c->seq++;
    uint32_t id = (uint32_t)i;
    memcpy(sbuf, &id, 4);
    memcpy(sbuf + 4, &c->seq, 8);
    memcpy(sbuf + HEADER, body_of(i, c->seq), (size_t)size - HEADER);
    c->t0 = now;
    c->outstanding = 1;
    if (measuring)
        m_sent++;
    for (;;) {
        ssize_t n = send(c->fd, sbuf, (size_t)size, 0);
        if (n == size)
            return;
        if (n >= 0) {
            client_error(c, 1, "short send: %zd of %d bytes", n, size);
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == ENOBUFS) {
            /* our own send buffer is full: as good as dropped; the timeout resends */
            if (measuring)
                m_send_fail++;
            return;
        }
        client_error(c, 1, "send: %s", strerror(errno));
        return;
    }
}

/* One datagram arrived on c: check it, and send the next request if it was the one due.
 * Returns 1 for that (on-time) echo, 0 for anything else. */
static int on_datagram(struct client *c, ssize_t n, uint64_t now, int running) {
    long i = (long)(c - clients);
    if (n != size) {
        client_error(c, 0, "echo of %zd bytes, sent %d", n, size);
        return 0;
    }
    uint32_t id;
    uint64_t seq;
    memcpy(&id, rbuf, 4);
    memcpy(&seq, rbuf + 4, 8);
    if (id != (uint32_t)i || seq == 0 || seq > c->seq) {
        client_error(c, 0, "echo of a request never sent here (client %u, request %llu)", id,
                     (unsigned long long)seq);
        return 0;
    }
    if (memcmp(rbuf + HEADER, body_of(i, seq), (size_t)size - HEADER) != 0) {
        client_error(c, 0, "echo of request %llu corrupted", (unsigned long long)seq);
        return 0;
    }
    if (seq != c->seq || !c->outstanding) { /* it timed out and was counted lost */
        if (measuring)
            m_late++;
        return 0;
    }
    c->outstanding = 0;
    if (measuring) {
        uint64_t lat = now - c->t0;
        hist[bucket_of(lat)]++;
        if (lat > max_lat_ns)
            max_lat_ns = lat;
        c->measured++;
        m_ontime++;
    }
    if (running)
        send_request(c, now);
    return 1;
}

/* Read c's datagrams until the echo due, EAGAIN, or 64 of them. After the echo due
 * nothing more is expected (one request in flight), so it does not spend a recv on
 * EAGAIN: a late echo still queued is reported again by the level-triggered epoll. */
static void on_readable(struct client *c, int running) {
    for (int k = 0; k < 64 && !c->dead; k++) {
        ssize_t n = recv(c->fd, rbuf, (size_t)size + 64, MSG_TRUNC);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN)
                return;
            client_error(c, 1, "recv: %s", strerror(errno));
            return;
        }
        if (on_datagram(c, n, now_ns(), running))
            return;
    }
}

/* Requests older than the timeout are lost: count them, and send the next if running. */
static void scan_timeouts(uint64_t now, int running) {
    for (int i = 0; i < nclients; i++) {
        struct client *c = &clients[i];
        if (c->dead || !c->outstanding || now - c->t0 < timeout_ns)
            continue;
        c->outstanding = 0;
        if (measuring)
            m_lost++;
        if (running)
            send_request(c, now);
    }
}

static struct epoll_event events[1024];

static void loop_until(uint64_t deadline, int running) {
    uint64_t last_scan = now_ns();
    for (;;) {
        uint64_t now = now_ns();
        if (now >= deadline)
            return;
        if (now - last_scan >= SCAN_NS) {
            scan_timeouts(now, running);
            last_scan = now;
        }
        if (!running) {
            int busy = 0;
            for (int i = 0; i < nclients && !busy; i++)
                busy = clients[i].outstanding;
            if (!busy)
                return;
        }
        int n = epoll_wait(ep, events, 1024, 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            die("epoll_wait: %s", strerror(errno));
        }
        for (int i = 0; i < n; i++)
            on_readable(events[i].data.ptr, running);
    }
}

static double cpu_seconds_self(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
           ru.ru_stime.tv_usec / 1e6;
}

static void usage(void) {
    die("usage: udp_loadgen -p PORT [-c CLIENTS] [-s SIZE] [-t SECONDS] [-w WARMUP] "
        "[-o TIMEOUT_MS] [-P SERVER_PID]");
}

int main(int argc, char **argv) {
    int opt;
    while ((opt = getopt(argc, argv, "p:c:s:t:w:o:P:")) != -1) {
        switch (opt) {
        case 'p': port = atoi(optarg); break;
        case 'c': nclients = atoi(optarg); break;
        case 's': size = atoi(optarg); break;
        case 't': seconds = atof(optarg); break;
        case 'w': warmup = atof(optarg); break;
        case 'o': timeout_ms = atof(optarg); break;
        case 'P': server_pid = atol(optarg); break;
        default: usage();
        }
    }
    if (port <= 0 || port > 65535 || nclients <= 0 || size < HEADER || size > 65000 ||
        seconds <= 0 || warmup < 0 || timeout_ms <= 0)
        usage();
    timeout_ns = (uint64_t)(timeout_ms * 1e6);

    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }

    /* the pattern: xorshift bytes, fixed seed, so runs are comparable */
    pattern = malloc((size_t)size + PATTERN_SPREAD);
    sbuf = malloc((size_t)size);
    rbuf = malloc((size_t)size + 64);
    clients = calloc((size_t)nclients, sizeof *clients);
    if (!pattern || !sbuf || !rbuf || !clients)
        die("out of memory");
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (size_t i = 0; i < (size_t)size + PATTERN_SPREAD; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        pattern[i] = (unsigned char)(x >> 24);
    }
    ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0)
        die("epoll_create1: %s", strerror(errno));

    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < nclients; i++) {
        struct client *c = &clients[i];
        c->fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (c->fd < 0)
            die("socket: %s (raise RLIMIT_NOFILE?)", strerror(errno));
        if (connect(c->fd, (struct sockaddr *)&sa, sizeof sa) < 0)
            die("connect: %s", strerror(errno));
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
        if (epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev) < 0)
            die("epoll_ctl ADD: %s", strerror(errno));
    }

    /* warm up (every client starts at once), then measure */
    uint64_t now = now_ns();
    for (int i = 0; i < nclients; i++)
        send_request(&clients[i], now);
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
    /* the requests in flight: checked as they come back, for at most one timeout */
    loop_until(now_ns() + timeout_ns + 10000000u, 0);

    double elapsed = (t1 - t0) / 1e9;
    double hz = (double)sysconf(_SC_CLK_TCK);
    double srv_cpu = have_cpu ? ((ut1 + st1) - (ut0 + st0)) / hz : -1;
    double srv_user = have_cpu ? (ut1 - ut0) / hz : -1;
    uint64_t cmin = UINT64_MAX, cmax = 0, starved = 0;
    int alive = 0;
    for (int i = 0; i < nclients; i++) {
        if (clients[i].dead)
            continue;
        alive++;
        uint64_t m = clients[i].measured;
        if (m < cmin) cmin = m;
        if (m > cmax) cmax = m;
        if (m == 0) starved++;
        close(clients[i].fd);
    }
    if (!alive)
        cmin = 0;
    uint64_t echoes = m_ontime + m_late; /* what the server echoed and we received */
    double per = echoes ? 1e6 / (double)echoes : -1.0;
    uint64_t resolved = m_ontime + m_lost;
    printf("{\"clients\": %d, \"size\": %d, \"seconds\": %.3f, \"timeout_ms\": %.1f, "
           "\"echoes\": %llu, \"ontime\": %llu, \"late\": %llu, \"lost\": %llu, "
           "\"sent\": %llu, \"send_fail\": %llu, \"rps\": %.1f, \"loss\": %.5f, "
           "\"p50_us\": %.1f, \"p99_us\": %.1f, \"p999_us\": %.1f, \"max_us\": %.1f, "
           "\"server_cpu_s\": %.3f, \"server_user_s\": %.3f, "
           "\"cpu_us_per_dgram\": %.3f, \"user_us_per_dgram\": %.3f, "
           "\"server_cpu_share\": %.3f, \"client_cpu_share\": %.3f, "
           "\"client_min\": %llu, \"client_max\": %llu, \"starved\": %llu, "
           "\"errors\": %llu, \"first_error\": \"%s\"}\n",
           nclients, size, elapsed, timeout_ms, (unsigned long long)echoes,
           (unsigned long long)m_ontime, (unsigned long long)m_late, (unsigned long long)m_lost,
           (unsigned long long)m_sent, (unsigned long long)m_send_fail, echoes / elapsed,
           resolved ? (double)m_lost / (double)resolved : 0.0, percentile_us(m_ontime, 0.50),
           percentile_us(m_ontime, 0.99), percentile_us(m_ontime, 0.999), max_lat_ns / 1000.0,
           srv_cpu, srv_user, have_cpu && echoes ? srv_cpu * per : -1.0,
           have_cpu && echoes ? srv_user * per : -1.0, have_cpu ? srv_cpu / elapsed : -1.0,
           (self1 - self0) / elapsed, (unsigned long long)cmin, (unsigned long long)cmax,
           (unsigned long long)starved, (unsigned long long)errors, first_error);
    return errors ? 1 : 0;
}
