/* The ceiling: an edge-triggered epoll echo server in C, one thread.
 *
 *   epoll_echo PORT
 *
 * Each socket is registered once for EPOLLIN|EPOLLOUT|EPOLLRDHUP|EPOLLET (the
 * same registration Go's netpoller and ours make). On any event the
 * connection runs until the syscall it needs says EAGAIN: write out what is
 * pending, else read up to 4 KiB and echo it. A later edge resumes it. Prints
 * "ready" once listening.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn {
    int fd;
    size_t off, len; /* buf[off:len] is read but not yet written back */
    char buf[4096];
};

static void serve(struct conn *c) {
    for (;;) {
        if (c->off < c->len) {
            ssize_t n = write(c->fd, c->buf + c->off, c->len - c->off);
            if (n < 0 && errno == EAGAIN)
                return; /* EPOLLOUT's edge brings us back */
            if (n < 0)
                break;
            c->off += (size_t)n;
            continue;
        }
        ssize_t n = read(c->fd, c->buf, sizeof c->buf);
        if (n < 0 && errno == EAGAIN)
            return; /* EPOLLIN's edge brings us back */
        if (n <= 0)
            break;
        c->off = 0;
        c->len = (size_t)n;
    }
    close(c->fd); /* also removes it from the epoll set */
    free(c);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: epoll_echo PORT\n");
        return 2;
    }
    int ln = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(ln, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1]))};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(ln, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(ln, 4096) < 0) {
        perror("listen");
        return 1;
    }
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.ptr = NULL};
    epoll_ctl(ep, EPOLL_CTL_ADD, ln, &ev);
    printf("ready\n");
    fflush(stdout);

    struct epoll_event events[256];
    for (;;) {
        int n = epoll_wait(ep, events, 256, -1);
        for (int i = 0; i < n; i++) {
            struct conn *c = events[i].data.ptr;
            if (c) {
                serve(c);
                continue;
            }
            for (;;) { /* the listener: accept until EAGAIN */
                int fd = accept4(ln, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
                if (fd < 0)
                    break;
                setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                c = malloc(sizeof *c);
                c->fd = fd;
                c->off = c->len = 0;
                struct epoll_event cev = {.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET,
                                          .data.ptr = c};
                epoll_ctl(ep, EPOLL_CTL_ADD, fd, &cev);
            }
        }
    }
}
