/*
 * rt/_sys_linux.c: the C half of rt/sys_linux.py, for the data path only.
 *
 * Go enters the kernel through a few lines of assembly per architecture
 * (syscall/asm_linux_amd64.s, internal/runtime/syscall/asm_linux_*.s): put
 * the arguments in registers, trap, return (r1, errno). This file is the
 * same thing for the calls an echo round trip makes (read, write,
 * epoll_pwait and its unpacking; recvfrom and sendto with their Inet4/Inet6
 * forms for a datagram echo), and nothing more: no logic, no state beyond
 * the table of Errno values and the few Python functions it hands odd
 * arguments to, no runtime decisions.
 * Every function here has a pure-Python twin in sys_linux.py with the same
 * name, arguments, results and error behaviour; sys_linux binds these when
 * the module was built (tests run both; GONET_PUREPY=1 forces the twins).
 *
 * Why it exists (bench/echo, issue 4): CPython's os.readv reports EAGAIN by
 * building an OSError (errno, strerror text, BlockingIOError subclass) and
 * raising it, about 0.6 us on top of the system call, and ctypes spends a
 * similar time converting arguments and saving errno. A parked-and-woken
 * echo round trip makes one such EAGAIN read, and epoll_pwait plus its
 * unpacking runs once per scheduler wake-up. Here a failure is just the
 * second element of the tuple, as in Go.
 *
 * Rules, the same as the twins':
 *  - results are (n, errno) with errno an Errno instance from sys_linux's
 *    cache (Errno(0) on success), so `errno is EAGAIN` holds;
 *  - read and write retry EINTR after running Python's signal handlers, as
 *    os.readv/os.write do (PEP 475); a handler's exception propagates;
 *    epoll_pwait returns EINTR to its caller, which recomputes its timeout;
 *    recvfrom and sendto (and their Inet forms) return EINTR too, as their
 *    ctypes twins do, and poll.FD's loops retry it;
 *  - the GIL is released around every call that can block;
 *  - a length is capped at MAX_RW_COUNT, the kernel's own per-call maximum.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_RW_COUNT 0x7ffff000

#include "_sysbuf.h"
/* syscall.RawSockaddrAny, sys_linux.SizeofSockaddrAny: the room recvfrom
 * gives the kernel for the sender's address. */
#define SIZEOF_SOCKADDR_ANY 112

/* sys_linux._errno_cache (a dict of canonical Errno instances) and Errno(0). */
static PyObject *errno_cache = NULL;
static PyObject *errno_zero = NULL;
/* From sys_linux's Python reference: sockaddr_inet4 and sockaddr_inet6,
 * which the Inet send twins hand an address to when its fields are not
 * plain ints and bytes, and sendto, which the sendto twin hands a `to` that
 * is neither bytes nor None; so an odd value fails (or works) exactly as it
 * does there. The common case never calls them. */
static PyObject *py_sockaddr_inet4 = NULL;
static PyObject *py_sockaddr_inet6 = NULL;
static PyObject *py_sendto = NULL;
static PyObject *str_Addr, *str_Port, *str_ZoneId;

static PyObject *
errno_value(int err)
{
    if (err == 0) {
        Py_INCREF(errno_zero);
        return errno_zero;
    }
    PyObject *key = PyLong_FromLong(err);
    if (key == NULL)
        return NULL;
    PyObject *value = PyObject_GetItem(errno_cache, key); /* __missing__ creates */
    Py_DECREF(key);
    return value;
}

/* (n, Errno(err)): the shape of every result here. */
static PyObject *
result(Py_ssize_t n, int err)
{
    PyObject *e = errno_value(err);
    if (e == NULL)
        return NULL;
    PyObject *num = PyLong_FromSsize_t(n);
    if (num == NULL) {
        Py_DECREF(e);
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(e);
        Py_DECREF(num);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, num);
    PyTuple_SET_ITEM(t, 1, e);
    return t;
}

static int
need_init(void)
{
    if (errno_cache == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "rt._sys_linux: init() was not called");
        return -1;
    }
    return 0;
}

static int
int_arg(PyObject *o, int *out)
{
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v < INT_MIN || v > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, v < 0 ? "signed integer is less than minimum"
                                                    : "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

PyDoc_STRVAR(init_doc,
"init($module, errno_cache, errno_zero, reference, /)\n--\n\n"
"Give the module sys_linux's canonical Errno table and the Python functions it\n"
"defers odd arguments to (reference: sockaddr_inet4, sockaddr_inet6, sendto);\n"
"called once by sys_linux.");

static int
take_ref(PyObject *reference, const char *name, PyObject **out)
{
    PyObject *v = PyDict_GetItemString(reference, name); /* borrowed */
    if (v == NULL) {
        PyErr_Format(PyExc_KeyError, "init: reference has no %s", name);
        return -1;
    }
    Py_XSETREF(*out, Py_NewRef(v));
    return 0;
}

static PyObject *
sys_init(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3 || !PyDict_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "init(errno_cache, errno_zero, reference)");
        return NULL;
    }
    if (take_ref(args[2], "sockaddr_inet4", &py_sockaddr_inet4) < 0
        || take_ref(args[2], "sockaddr_inet6", &py_sockaddr_inet6) < 0
        || take_ref(args[2], "sendto", &py_sendto) < 0)
        return NULL;
    Py_XSETREF(errno_cache, Py_NewRef(args[0]));
    Py_XSETREF(errno_zero, Py_NewRef(args[1]));
    Py_RETURN_NONE;
}

/* read(2) or write(2) on an exported buffer, then release it: EINTR is
 * retried after Python's signal handlers ran (PEP 475), and a handler's
 * exception propagates; the GIL is released around the call. */
static PyObject *
transfer(int fd, Py_buffer *view, int writing)
{
    size_t len = (size_t)view->len;
    if (len > MAX_RW_COUNT)
        len = MAX_RW_COUNT;
    ssize_t n;
    int err;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        n = writing ? write(fd, view->buf, len) : read(fd, view->buf, len);
        err = n < 0 ? errno : 0;
        Py_END_ALLOW_THREADS
        if (err != EINTR)
            break;
        if (PyErr_CheckSignals() < 0) {
            PyBuffer_Release(view);
            return NULL;
        }
    }
    PyBuffer_Release(view);
    return result(n < 0 ? -1 : n, err);
}

PyDoc_STRVAR(read_doc,
"read($module, fd, p, /)\n--\n\n"
"syscall.Read: read(2) into the writable buffer p; returns (n, errno).");

static PyObject *
sys_read(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    int fd;
    Py_buffer view;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "read(fd, p)");
        return NULL;
    }
    if (need_init() < 0 || int_arg(args[0], &fd) < 0)
        return NULL;
    if (PyObject_GetBuffer(args[1], &view, PyBUF_WRITABLE) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_BufferError) && !PyErr_ExceptionMatches(PyExc_TypeError))
            return NULL;
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "read needs a writable buffer, not %.200s",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    return transfer(fd, &view, 0);
}

PyDoc_STRVAR(write_doc,
"write($module, fd, p, /)\n--\n\n"
"syscall.Write: write(2) from any bytes-like p; returns (n, errno). n may be short.");

static PyObject *
sys_write(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    int fd;
    Py_buffer view;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "write(fd, p)");
        return NULL;
    }
    if (need_init() < 0 || int_arg(args[0], &fd) < 0)
        return NULL;
    if (PyObject_GetBuffer(args[1], &view, PyBUF_SIMPLE) < 0)
        return NULL; /* TypeError: a bytes-like object is required, as os.write */
    return transfer(fd, &view, 1);
}

PyDoc_STRVAR(epoll_pwait_doc,
"epoll_pwait($module, epfd, events, maxev, waitms, /)\n--\n\n"
"linux.EpollWait: epoll_pwait(2) into the EpollEvent array events; returns (n, errno).");

static PyObject *
sys_epoll_pwait(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    int epfd, waitms;
    Py_ssize_t maxev;
    Py_buffer view;
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "epoll_pwait(epfd, events, maxev, waitms)");
        return NULL;
    }
    if (need_init() < 0 || int_arg(args[0], &epfd) < 0 || int_arg(args[3], &waitms) < 0)
        return NULL;
    maxev = PyLong_AsSsize_t(args[2]);
    if (maxev == -1 && PyErr_Occurred())
        return NULL;
    if (PyObject_GetBuffer(args[1], &view, PyBUF_WRITABLE) < 0)
        return NULL;
    /* Never let the kernel write past the array, as the twin clamps to len(events);
     * a negative maxev reaches the kernel, which answers EINVAL. */
    Py_ssize_t cap = view.len / (Py_ssize_t)sizeof(struct epoll_event);
    if (maxev > cap)
        maxev = cap;
    if (maxev < INT_MIN)
        maxev = -1;
    int n, err;
    Py_BEGIN_ALLOW_THREADS
    n = epoll_pwait(epfd, (struct epoll_event *)view.buf, (int)maxev, waitms, NULL);
    err = n < 0 ? errno : 0;
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    return result(n < 0 ? -1 : n, err);
}

PyDoc_STRVAR(epoll_events_unpack_doc,
"epoll_events_unpack($module, events, n, /)\n--\n\n"
"[(Events, Data), ...] for the first n entries of an EpollEvent array.");

static PyObject *
sys_epoll_events_unpack(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n;
    Py_buffer view;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "epoll_events_unpack(events, n)");
        return NULL;
    }
    n = PyLong_AsSsize_t(args[1]);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n <= 0)
        return PyList_New(0);
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0)
        return NULL;
    if (n > view.len / (Py_ssize_t)sizeof(struct epoll_event)) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "epoll_events_unpack: n is larger than the array");
        return NULL;
    }
    PyObject *list = PyList_New(n);
    if (list == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    const struct epoll_event *ev = (const struct epoll_event *)view.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        struct epoll_event e;
        memcpy(&e, &ev[i], sizeof e); /* packed on x86_64: copy before reading */
        PyObject *item = Py_BuildValue("(kK)", (unsigned long)e.events,
                                       (unsigned long long)e.data.u64);
        if (item == NULL) {
            Py_DECREF(list);
            PyBuffer_Release(&view);
            return NULL;
        }
        PyList_SET_ITEM(list, i, item);
    }
    PyBuffer_Release(&view);
    return list;
}

/* ------------------------------------------------------------------------
 * recvfrom and sendto, and internal/syscall/unix's RecvfromInet4/6 and
 * SendtoInet4/6 on top of them: the datagram path. Unlike read and write
 * they take their arguments by keyword too, as their Python twins do, and
 * their buffers as those twins take them (sys_linux._wbuf and _rbuf), so
 * the same arguments fail with the same exception.
 */

/* Positional-or-keyword arguments `names` (all required) into out[]. */
static int
unpack_args(const char *fname, const char *const *names, Py_ssize_t n,
            PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, PyObject **out)
{
    if (nargs > n) {
        PyErr_Format(PyExc_TypeError, "%s() takes %zd positional arguments but %zd were given",
                     fname, n, nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = i < nargs ? args[i] : NULL;
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        Py_ssize_t i = 0;
        while (i < n && PyUnicode_CompareWithASCIIString(key, names[i]) != 0)
            i++;
        if (i == n) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'",
                         fname, key);
            return -1;
        }
        if (out[i] != NULL) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'",
                         fname, names[i]);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    /* Python's own message: "f() missing 2 required positional arguments: 'a' and 'b'" */
    Py_ssize_t missing = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        missing += out[i] == NULL;
    if (missing == 0)
        return 0;
    char list[160] = "";
    size_t used = 0;
    Py_ssize_t seen = 0;
    for (Py_ssize_t i = 0; i < n && used < sizeof list; i++) {
        if (out[i] != NULL)
            continue;
        seen++;
        const char *sep = seen == 1 ? "" : seen == missing ? (missing > 2 ? ", and " : " and ")
                                                           : ", ";
        used += (size_t)snprintf(list + used, sizeof list - used, "%s'%s'", sep, names[i]);
    }
    PyErr_Format(PyExc_TypeError, "%s() missing %zd required positional argument%s: %s",
                 fname, missing, missing == 1 ? "" : "s", list);
    return -1;
}

/* recvfrom(2) into p, the sender's address into rsa (SIZEOF_SOCKADDR_ANY
 * bytes), GIL released. Returns n >= 0 with rsa holding the sender as
 * sys_linux.recvfrom reports it (its first *rlen bytes, zeros after them;
 * *rlen 0 when the kernel gave none or AF_UNSPEC), -1 with *err, or -2 with
 * an exception. */
static Py_ssize_t
do_recvfrom(int fd, PyObject *p, int flags, unsigned char *rsa, Py_ssize_t *rlen, int *err)
{
    Py_buffer view;
    if (sysbuf_wbuf(p, &view) < 0)
        return -2;
    size_t len = view.len > MAX_RW_COUNT ? MAX_RW_COUNT : (size_t)view.len;
    void *buf = len ? view.buf : NULL;
    socklen_t salen = SIZEOF_SOCKADDR_ANY;
    memset(rsa, 0, SIZEOF_SOCKADDR_ANY);
    ssize_t n;
    int e;
    Py_BEGIN_ALLOW_THREADS
    n = recvfrom(fd, buf, len, flags, (struct sockaddr *)rsa, &salen);
    e = n < 0 ? errno : 0;
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    if (n < 0) {
        *err = e;
        return -1;
    }
    sa_family_t family;
    memcpy(&family, rsa, sizeof family);
    Py_ssize_t k = salen == 0 || family == AF_UNSPEC ? 0
        : salen > SIZEOF_SOCKADDR_ANY ? SIZEOF_SOCKADDR_ANY : (Py_ssize_t)salen;
    memset(rsa + k, 0, SIZEOF_SOCKADDR_ANY - k);
    *rlen = k;
    return n;
}

/* _fill4/_fill6: the sender's port and address (and scope id) set on frm,
 * in that order, without looking at the family (as Go). 0, or -1. */
static int
set_int_attr(PyObject *o, PyObject *name, long long v)
{
    PyObject *x = PyLong_FromLongLong(v);
    if (x == NULL)
        return -1;
    int r = PyObject_SetAttr(o, name, x);
    Py_DECREF(x);
    return r;
}

static int
fill_inet(PyObject *frm, const unsigned char *rsa, int v6)
{
    if (set_int_attr(frm, str_Port, (rsa[2] << 8) | rsa[3]) < 0)
        return -1;
    PyObject *addr = PyBytes_FromStringAndSize((const char *)rsa + (v6 ? 8 : 4), v6 ? 16 : 4);
    if (addr == NULL)
        return -1;
    int r = PyObject_SetAttr(frm, str_Addr, addr);
    Py_DECREF(addr);
    if (r < 0 || !v6)
        return r;
    uint32_t scope;
    memcpy(&scope, rsa + 24, sizeof scope);
    return set_int_attr(frm, str_ZoneId, scope);
}

/* sendto(2) of p to the address `to` (NULL: the connected peer), GIL
 * released. The errno (0 on success), or -1 with an exception. */
static int
do_sendto(int fd, PyObject *p, int flags, const void *to, socklen_t tolen)
{
    sysbuf_send b;
    if (sysbuf_rbuf(p, &b) < 0)
        return -1;
    ssize_t n;
    int e;
    Py_BEGIN_ALLOW_THREADS
    n = sendto(fd, b.buf, b.len, flags, (const struct sockaddr *)to, tolen);
    e = n < 0 ? errno : 0;
    Py_END_ALLOW_THREADS
    sysbuf_release(&b);
    return e;
}

typedef union {
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
    unsigned char raw[SIZEOF_SOCKADDR_ANY];
} inet_sockaddr;

/* syscall.(*SockaddrInet4).sockaddr, (*SockaddrInet6).sockaddr: encode
 * to.Addr, to.Port (and to.ZoneId), read in that order, as sendtoInet4/6
 * do. Exact ints and bytes (or bytearray) are encoded here; anything else
 * goes to sys_linux.sockaddr_inet4/6. Returns the address's length, 0 with
 * *err set (EINVAL: a port outside 0..65535, an address of the wrong length,
 * a scope id outside 32 bits), or -1 with an exception. */
static int
encode_inet(PyObject *to, int v6, inet_sockaddr *sa, int *err)
{
    PyObject *addr = NULL, *port = NULL, *zone = NULL, *res = NULL;
    int ret = -1;
    addr = PyObject_GetAttr(to, str_Addr);
    if (addr == NULL)
        goto out;
    port = PyObject_GetAttr(to, str_Port);
    if (port == NULL)
        goto out;
    if (v6 && (zone = PyObject_GetAttr(to, str_ZoneId)) == NULL)
        goto out;
    if (PyLong_CheckExact(port) && (!v6 || PyLong_CheckExact(zone))
        && (PyBytes_CheckExact(addr) || PyByteArray_CheckExact(addr))) {
        int ovf;
        long pv = PyLong_AsLongAndOverflow(port, &ovf);
        long long zv = 0;
        int zovf = 0;
        if (v6)
            zv = PyLong_AsLongLongAndOverflow(zone, &zovf);
        if (PyErr_Occurred())
            goto out;
        Py_ssize_t alen = PyBytes_CheckExact(addr) ? PyBytes_GET_SIZE(addr)
                                                   : PyByteArray_GET_SIZE(addr);
        const char *abuf = PyBytes_CheckExact(addr) ? PyBytes_AS_STRING(addr)
                                                    : PyByteArray_AS_STRING(addr);
        if (ovf || pv < 0 || pv > 0xFFFF || alen != (v6 ? 16 : 4)
            || (v6 && (zovf || zv < 0 || zv > 0xFFFFFFFFLL))) {
            *err = EINVAL;
            ret = 0;
            goto out;
        }
        memset(sa, 0, sizeof *sa);
        if (v6) {
            sa->v6.sin6_family = AF_INET6;
            sa->v6.sin6_port = htons((uint16_t)pv);
            memcpy(&sa->v6.sin6_addr, abuf, 16);
            sa->v6.sin6_scope_id = (uint32_t)zv;
            ret = (int)sizeof sa->v6;
        }
        else {
            sa->v4.sin_family = AF_INET;
            sa->v4.sin_port = htons((uint16_t)pv);
            memcpy(&sa->v4.sin_addr, abuf, 4);
            ret = (int)sizeof sa->v4;
        }
        goto out;
    }
    /* The reference encoder: (raw sockaddr bytes, errno). */
    res = v6 ? PyObject_CallFunctionObjArgs(py_sockaddr_inet6, addr, port, zone, NULL)
             : PyObject_CallFunctionObjArgs(py_sockaddr_inet4, addr, port, NULL);
    if (res == NULL)
        goto out;
    if (!PyTuple_Check(res) || PyTuple_GET_SIZE(res) != 2
        || !PyBytes_Check(PyTuple_GET_ITEM(res, 0))
        || PyBytes_GET_SIZE(PyTuple_GET_ITEM(res, 0)) > (Py_ssize_t)sizeof sa->raw) {
        PyErr_SetString(PyExc_TypeError, "sockaddr_inet: not (bytes, errno)");
        goto out;
    }
    long e = PyLong_AsLong(PyTuple_GET_ITEM(res, 1));
    if (e == -1 && PyErr_Occurred())
        goto out;
    if (e != 0) {
        *err = (int)e;
        ret = 0;
        goto out;
    }
    PyObject *raw = PyTuple_GET_ITEM(res, 0);
    memset(sa, 0, sizeof *sa);
    memcpy(sa->raw, PyBytes_AS_STRING(raw), (size_t)PyBytes_GET_SIZE(raw));
    ret = (int)PyBytes_GET_SIZE(raw);
    if (ret == 0) {   /* cannot happen: the encoders give an address or an errno */
        PyErr_SetString(PyExc_ValueError, "sockaddr_inet: empty address without an errno");
        ret = -1;
    }
out:
    Py_XDECREF(addr);
    Py_XDECREF(port);
    Py_XDECREF(zone);
    Py_XDECREF(res);
    return ret;
}

static const char *const recvfrom_names[] = {"fd", "p", "flags", "frm"};
static const char *const sendto_names[] = {"fd", "p", "flags", "to"};

PyDoc_STRVAR(recvfrom_doc,
"recvfrom($module, fd, p, flags)\n--\n\n"
"syscall.Recvfrom: returns (n, from, errno); from is the sender's raw sockaddr,\n"
"b\"\" when the kernel gave none or on failure.");

static PyObject *
sys_recvfrom(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *a[3];
    int fd, flags, err = 0;
    if (unpack_args("recvfrom", recvfrom_names, 3, args, nargs, kwnames, a) < 0
        || need_init() < 0 || int_arg(a[0], &fd) < 0 || int_arg(a[2], &flags) < 0)
        return NULL;
    unsigned char rsa[SIZEOF_SOCKADDR_ANY];
    Py_ssize_t rlen = 0;
    Py_ssize_t n = do_recvfrom(fd, a[1], flags, rsa, &rlen, &err);
    if (n == -2)
        return NULL;
    PyObject *e = errno_value(err);
    if (e == NULL)
        return NULL;
    return Py_BuildValue("(ny#N)", n, (const char *)rsa, n < 0 ? (Py_ssize_t)0 : rlen, e);
}

PyDoc_STRVAR(sendto_doc,
"sendto($module, fd, p, flags, to)\n--\n\n"
"syscall.Sendto: send p to the raw sockaddr to (None: the connected peer);\n"
"returns the errno.");

static PyObject *
sys_sendto(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *a[4];
    int fd, flags;
    if (unpack_args("sendto", sendto_names, 4, args, nargs, kwnames, a) < 0 || need_init() < 0)
        return NULL;
    if (a[3] != Py_None && !PyBytes_Check(a[3]))   /* what ctypes makes of it: the reference */
        return PyObject_Vectorcall(py_sendto, a, 4, NULL);
    if (int_arg(a[0], &fd) < 0 || int_arg(a[2], &flags) < 0)
        return NULL;
    const void *to = a[3] == Py_None ? NULL : PyBytes_AS_STRING(a[3]);
    socklen_t tolen = a[3] == Py_None ? 0 : (socklen_t)PyBytes_GET_SIZE(a[3]);
    int e = do_sendto(fd, a[1], flags, to, tolen);
    return e < 0 ? NULL : errno_value(e);
}

static PyObject *
recvfrom_inet(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
              int v6)
{
    PyObject *a[4];
    int fd, flags, err = 0;
    if (unpack_args(fname, recvfrom_names, 4, args, nargs, kwnames, a) < 0
        || need_init() < 0 || int_arg(a[0], &fd) < 0 || int_arg(a[2], &flags) < 0)
        return NULL;
    unsigned char rsa[SIZEOF_SOCKADDR_ANY];
    Py_ssize_t rlen = 0;
    Py_ssize_t n = do_recvfrom(fd, a[1], flags, rsa, &rlen, &err);
    if (n == -2 || (n >= 0 && fill_inet(a[3], rsa, v6) < 0))
        return NULL;
    return result(n, err);
}

PyDoc_STRVAR(recvfromInet4_doc,
"recvfromInet4($module, fd, p, flags, frm)\n--\n\n"
"internal/syscall/unix.RecvfromInet4: recvfrom(2), the sender written into frm;\n"
"returns (n, errno).");

static PyObject *
sys_recvfromInet4(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return recvfrom_inet("recvfromInet4", args, nargs, kwnames, 0);
}

PyDoc_STRVAR(recvfromInet6_doc,
"recvfromInet6($module, fd, p, flags, frm)\n--\n\n"
"internal/syscall/unix.RecvfromInet6: recvfrom(2), the sender written into frm;\n"
"returns (n, errno).");

static PyObject *
sys_recvfromInet6(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return recvfrom_inet("recvfromInet6", args, nargs, kwnames, 1);
}

static PyObject *
sendto_inet(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
            int v6)
{
    PyObject *a[4];
    int fd, flags, err = 0;
    if (unpack_args(fname, sendto_names, 4, args, nargs, kwnames, a) < 0 || need_init() < 0)
        return NULL;
    inet_sockaddr sa;
    int salen = encode_inet(a[3], v6, &sa, &err);
    if (salen < 0)
        return NULL;
    if (salen == 0)
        return errno_value(err);
    if (int_arg(a[0], &fd) < 0 || int_arg(a[2], &flags) < 0)
        return NULL;
    int e = do_sendto(fd, a[1], flags, &sa, (socklen_t)salen);
    return e < 0 ? NULL : errno_value(e);
}

PyDoc_STRVAR(sendtoInet4_doc,
"sendtoInet4($module, fd, p, flags, to)\n--\n\n"
"internal/syscall/unix.SendtoInet4: one datagram to to (a SockaddrInet4, or\n"
"anything with Addr and Port); returns the errno.");

static PyObject *
sys_sendtoInet4(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return sendto_inet("sendtoInet4", args, nargs, kwnames, 0);
}

PyDoc_STRVAR(sendtoInet6_doc,
"sendtoInet6($module, fd, p, flags, to)\n--\n\n"
"internal/syscall/unix.SendtoInet6: one datagram to to (a SockaddrInet6, or\n"
"anything with Addr, Port and ZoneId); returns the errno.");

static PyObject *
sys_sendtoInet6(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return sendto_inet("sendtoInet6", args, nargs, kwnames, 1);
}


static PyMethodDef methods[] = {
    {"init", (PyCFunction)(void (*)(void))sys_init, METH_FASTCALL, init_doc},
    {"read", (PyCFunction)(void (*)(void))sys_read, METH_FASTCALL, read_doc},
    {"write", (PyCFunction)(void (*)(void))sys_write, METH_FASTCALL, write_doc},
    {"epoll_pwait", (PyCFunction)(void (*)(void))sys_epoll_pwait, METH_FASTCALL,
     epoll_pwait_doc},
    {"epoll_events_unpack", (PyCFunction)(void (*)(void))sys_epoll_events_unpack,
     METH_FASTCALL, epoll_events_unpack_doc},
    {"recvfrom", (PyCFunction)(void (*)(void))sys_recvfrom, METH_FASTCALL | METH_KEYWORDS,
     recvfrom_doc},
    {"sendto", (PyCFunction)(void (*)(void))sys_sendto, METH_FASTCALL | METH_KEYWORDS,
     sendto_doc},
    {"recvfromInet4", (PyCFunction)(void (*)(void))sys_recvfromInet4,
     METH_FASTCALL | METH_KEYWORDS, recvfromInet4_doc},
    {"recvfromInet6", (PyCFunction)(void (*)(void))sys_recvfromInet6,
     METH_FASTCALL | METH_KEYWORDS, recvfromInet6_doc},
    {"sendtoInet4", (PyCFunction)(void (*)(void))sys_sendtoInet4,
     METH_FASTCALL | METH_KEYWORDS, sendtoInet4_doc},
    {"sendtoInet6", (PyCFunction)(void (*)(void))sys_sendtoInet6,
     METH_FASTCALL | METH_KEYWORDS, sendtoInet6_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    .m_base = PyModuleDef_HEAD_INIT,
    .m_name = "rt._sys_linux",
    .m_doc = "The C half of rt/sys_linux.py: raw data-path system calls (see the file's comment).",
    .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC
PyInit__sys_linux(void)
{
    if ((str_Addr = PyUnicode_InternFromString("Addr")) == NULL
        || (str_Port = PyUnicode_InternFromString("Port")) == NULL
        || (str_ZoneId = PyUnicode_InternFromString("ZoneId")) == NULL)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "SIZEOF_EPOLL_EVENT", (long)sizeof(struct epoll_event)) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
