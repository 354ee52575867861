/*
 * rt/_sys_linux.c: the C half of rt/sys_linux.py, for the data path only.
 *
 * Go enters the kernel through a few lines of assembly per architecture
 * (syscall/asm_linux_amd64.s, internal/runtime/syscall/asm_linux_*.s): put
 * the arguments in registers, trap, return (r1, errno). This file is the
 * same thing for the five calls an echo round trip makes, and nothing more:
 * no logic, no state beyond the table of Errno values, no runtime decisions.
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
 *  - the GIL is released around every call that can block;
 *  - a length is capped at MAX_RW_COUNT, the kernel's own per-call maximum.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#define MAX_RW_COUNT 0x7ffff000

/* sys_linux._errno_cache (a dict of canonical Errno instances) and Errno(0). */
static PyObject *errno_cache = NULL;
static PyObject *errno_zero = NULL;

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
"init($module, errno_cache, errno_zero, /)\n--\n\n"
"Give the module sys_linux's canonical Errno table; called once by sys_linux.");

static PyObject *
sys_init(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "init(errno_cache, errno_zero)");
        return NULL;
    }
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

static PyMethodDef methods[] = {
    {"init", (PyCFunction)(void (*)(void))sys_init, METH_FASTCALL, init_doc},
    {"read", (PyCFunction)(void (*)(void))sys_read, METH_FASTCALL, read_doc},
    {"write", (PyCFunction)(void (*)(void))sys_write, METH_FASTCALL, write_doc},
    {"epoll_pwait", (PyCFunction)(void (*)(void))sys_epoll_pwait, METH_FASTCALL,
     epoll_pwait_doc},
    {"epoll_events_unpack", (PyCFunction)(void (*)(void))sys_epoll_events_unpack,
     METH_FASTCALL, epoll_events_unpack_doc},
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
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "SIZEOF_EPOLL_EVENT", (long)sizeof(struct epoll_event)) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
