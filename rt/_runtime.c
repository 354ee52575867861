/*
 * rt/_runtime.c: the C twins of the runtime's hot functions (PEP 399).
 *
 * The Python modules are the reference: rt/proc.py, rt/netpoll.py,
 * rt/netpoll_epoll.py, rt/poll/fd_unix.py and net/net.py read function for
 * function as Go's files. An echo round trip runs some 3,700 bytecodes of
 * them; the twins of the few dozen functions those bytecodes belong to have
 * the same names, arguments, results, state changes and throws. Each Python
 * module binds its twins at its end (``_runtime.bind_*``), unless
 * GONET_PUREPY=1, and the tests run the whole suite both ways
 * (tests/rt/test_twins.py also drives both through the same operations).
 *
 * The files. Each twin sits in a C file beside its Python module, in its
 * Go file's order: rt/_time.c (time.go), rt/_proc.c (proc.go),
 * rt/_netpoll.c (netpoll.go), rt/_netpoll_epoll.c (netpoll_epoll.go),
 * rt/poll/_fd_unix.c (internal/poll's fd_unix.go: Read, Write and the
 * datagram ReadFromInet4/6 and WriteToInet4/6, with fd_mutex.go's fast
 * paths), rt/poll/_fd_poll_runtime.c (fd_poll_runtime.go's setDeadlineImpl)
 * and net/_net.c (net.go's conn.Read and conn.Write). This file holds what they share (the
 * field offsets, the module globals they read, small helpers), the binding
 * functions and the module; it #includes the others, so the extension is
 * one translation unit and every helper stays static.
 *
 * One definition of the data. The twins own no types: g, m, p, schedt,
 * pollDesc, gList, gQueue, NetpollStats, FD and netFD stay the Python
 * classes. Their fields are __slots__, which CPython stores at fixed offsets
 * in the instance; bind_* reads each offset from the class's member
 * descriptor, by name, and refuses to bind if a field is missing or is not a
 * plain object slot. A field read here is then one load, not a dictionary
 * lookup, and a field renamed in Python fails at import, not at run time.
 * Module globals (unwinding, preemptRequested, netpollWaiters, ...) are read
 * from the Python modules' dictionaries at each use, so Python code that
 * rebinds them (schedinit, teardown, sysmon) is seen at once.
 *
 * The common path only. Each twin handles what an echo round trip needs;
 * anything unusual (a status that would throw, a G readied from another
 * thread, the global queue's fairness tick, checkdead, objects that are not
 * the runtime's own) calls the Python function it twins, captured at bind
 * time, which does the rest (and calls back into the twins it reaches). So
 * Go's throws, teardown unwinding and the safe points behave as in Python:
 * the twins test the same conditions in the same order and defer to the
 * same code for the rest.
 *
 * Parking goes through greenlet's C API (PyGreenlet_Switch), as gevent's
 * compiled hub does.
 */
#include <Python.h>
#include <structmember.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "greenlet/greenlet.h"

#define MAX_RW_COUNT 0x7ffff000

#include "_sysbuf.h"

/* The exception raised now gets (et, ev, tb), an earlier one, as its
 * __context__, as when a Python finally block raises; with nothing raised
 * now, the earlier one is restored. CPython's _PyErr_ChainExceptions does
 * this but is not exported from 3.13 on, so it is written out here. */
static void
gonet_chain_exceptions(PyObject *et, PyObject *ev, PyObject *tb)
{
    if (et == NULL)
        return;
    if (!PyErr_Occurred()) {
        PyErr_Restore(et, ev, tb);
        return;
    }
    PyErr_NormalizeException(&et, &ev, &tb);
    if (tb != NULL) {
        PyException_SetTraceback(ev, tb);
        Py_DECREF(tb);
    }
    Py_DECREF(et);
    PyObject *et2, *ev2, *tb2;
    PyErr_Fetch(&et2, &ev2, &tb2);
    PyErr_NormalizeException(&et2, &ev2, &tb2);
    if (ev2 != ev)
        PyException_SetContext(ev2, ev);  /* steals ev */
    else
        Py_DECREF(ev);
    PyErr_Restore(et2, ev2, tb2);
}
#define maxRW (1 << 30)

/* runtime2.go's G and P status values. */
enum { _Grunnable = 1, _Grunning = 2, _Gwaiting = 4 };
/* netpoll.go's rg/wg states, pollInfo bits and result codes. */
enum { pdNil = 0, pdReady = 1, pdWait = 2 };
enum { pollClosing = 1, pollEventErr = 2, pollExpiredReadDeadline = 4,
       pollExpiredWriteDeadline = 8, pollFDSeq = 16 /* a shift count: Go's 1 << 4 */ };
#define pollFDSeqMask ((1 << 20) - 1)
enum { pollNoError = 0, pollErrClosing = 1, pollErrTimeout = 2, pollErrNotPollable = 3 };
enum { modeR = 'r', modeW = 'w', modeRW = 'r' + 'w' };
enum { waitReasonIOWait = 2 };
#define tagBits 24
#define tagMask ((1 << tagBits) - 1)
/* fd_mutex.go's state word. */
#define mutexClosed (1ULL << 0)
#define mutexRLock (1ULL << 1)
#define mutexWLock (1ULL << 2)
#define mutexRef (1ULL << 3)
#define mutexRefMask ((((1ULL << 20) - 1)) << 3)
#define mutexRMask ((((1ULL << 20) - 1)) << 23)
#define mutexWMask ((((1ULL << 20) - 1)) << 43)

/* ------------------------------------------------------------------------
 * Slots: a field of a __slots__ class is a PyObject * at a fixed offset.
 */

#define SLOT(o, off) (*(PyObject **)((char *)(o) + (off)))

/* 0, 1 and 2 (pdNil, pdReady, pdWait), made once. */
static PyObject *small_int[3];

static inline void
slot_set(PyObject *o, Py_ssize_t off, PyObject *v)
{
    PyObject *old = SLOT(o, off);
    Py_INCREF(v);
    SLOT(o, off) = v;
    Py_XDECREF(old);
}

/* A small int field. Fields the twins read as numbers always hold an int
 * (set in __init__, only ever assigned ints); -1 with an error otherwise. */
static inline long long
slot_ll(PyObject *o, Py_ssize_t off)
{
    PyObject *v = SLOT(o, off);
    if (v == NULL) {
        PyErr_SetString(PyExc_AttributeError, "rt._runtime: unset slot");
        return -1;
    }
    return PyLong_AsLongLong(v);
}

static inline int
slot_set_ll(PyObject *o, Py_ssize_t off, long long x)
{
    PyObject *v = PyLong_FromLongLong(x);
    if (v == NULL)
        return -1;
    PyObject *old = SLOT(o, off);
    SLOT(o, off) = v;
    Py_XDECREF(old);
    return 0;
}

static Py_ssize_t
member_offset(PyObject *cls, const char *name)
{
    PyObject *d = PyObject_GetAttrString(cls, name);
    if (d == NULL)
        return -1;
    if (!Py_IS_TYPE(d, &PyMemberDescr_Type)
        || ((PyMemberDescrObject *)d)->d_member->type != T_OBJECT_EX) {
        PyErr_Format(PyExc_TypeError, "rt._runtime: %R.%s is not a __slots__ field", cls, name);
        Py_DECREF(d);
        return -1;
    }
    Py_ssize_t off = ((PyMemberDescrObject *)d)->d_member->offset;
    Py_DECREF(d);
    return off;
}

/* Resolve every field name of `names` on `cls` into `offs`: all of them or,
 * when one is missing, none (the offsets in use stay as they were). */
static int
resolve(PyObject *cls, const char *const *names, Py_ssize_t *offs)
{
    Py_ssize_t tmp[32];
    int n = 0;
    for (; names[n] != NULL; n++) {
        if (n == 32) {
            PyErr_SetString(PyExc_SystemError, "rt._runtime: too many fields");
            return -1;
        }
        tmp[n] = member_offset(cls, names[n]);
        if (tmp[n] < 0)
            return -1;
    }
    memcpy(offs, tmp, (size_t)n * sizeof(Py_ssize_t));
    return 0;
}

/* The field lists: the order is the index used below (G_goid is 0, ...). */
static const char *const g_names[] = {"goid", "atomicstatus", "m", "sched", "param",
    "schedlink", "waitsince", "waitreason", "preempt", NULL};
enum { G_goid, G_atomicstatus, G_m, G_sched, G_param, G_schedlink, G_waitsince,
       G_waitreason, G_preempt, G_N };
static const char *const m_names[] = {"g0", "curg", "p", "mcallfn", "waitunlockf",
    "waitlock", NULL};
enum { M_g0, M_curg, M_p, M_mcallfn, M_waitunlockf, M_waitlock, M_N };
static const char *const p_names[] = {"schedtick", "runqhead", "runqtail", "runq",
    "runnext", "timers", "stackcache", NULL};
enum { P_schedtick, P_runqhead, P_runqtail, P_runq, P_runnext, P_timers, P_stackcache, P_N };
static const char *const gq_names[] = {"head", "tail", "size", NULL};
enum { GQ_head, GQ_tail, GQ_size, GQ_N };
static const char *const gl_names[] = {"head", "size", NULL};
enum { GL_head, GL_size, GL_N };
static const char *const sc_names[] = {"lastpoll", "pollUntil", "npidle", "runq", "nGsyscall",
    "sysmonwait", "sysmonpoll", "lock", NULL};
enum { SC_lastpoll, SC_pollUntil, SC_npidle, SC_runq, SC_nGsyscall, SC_sysmonwait,
       SC_sysmonpoll, SC_lock, SC_N };
static const char *const tm_names[] = {"state", "isChan", "when", "period", "f", "arg", "seq",
    "ts", NULL};
enum { TM_state, TM_isChan, TM_when, TM_period, TM_f, TM_arg, TM_seq, TM_ts, TM_N };
static const char *const ts_names[] = {"minWhenHeap", "minWhenModified", "heap", "zombies", NULL};
enum { TS_minWhenHeap, TS_minWhenModified, TS_heap, TS_zombies, TS_N };
static const char *const pd_names[] = {"fd", "fdseq", "atomicInfo", "rg", "wg", "rd",
    "wd", "closing", "rrun", "wrun", "rseq", "wseq", "rt", "wt", NULL};
enum { PD_fd, PD_fdseq, PD_atomicInfo, PD_rg, PD_wg, PD_rd, PD_wd, PD_closing, PD_rrun,
       PD_wrun, PD_rseq, PD_wseq, PD_rt, PD_wt, PD_N };
static const char *const st_names[] = {"blockingPolls", "nonBlockingPolls", "events",
    "parked", "readied", NULL};
enum { ST_blockingPolls, ST_nonBlockingPolls, ST_events, ST_parked, ST_readied, ST_N };
static const char *const fm_names[] = {"state", NULL};
enum { FM_state, FM_N };
static const char *const ppd_names[] = {"runtimeCtx", NULL};
static const char *const fd_names[] = {"fdmu", "Sysfd", "pd", "isFile", "IsStream",
    "ZeroReadIsEOF", "isBlocking", "blockingCalls", NULL};
enum { FD_fdmu, FD_Sysfd, FD_pd, FD_isFile, FD_IsStream, FD_ZeroReadIsEOF, FD_isBlocking,
       FD_blockingCalls, FD_N };
enum { PPD_runtimeCtx, PPD_N };

static Py_ssize_t G[G_N], M[M_N], P[P_N], GQ[GQ_N], GL[GL_N], TS[TS_N], PD[PD_N],
    ST[ST_N], FM[FM_N], PPD[PPD_N], FDS[FD_N], SC[SC_N], TM[TM_N];
static PyTypeObject *g_type, *m_type, *p_type, *gq_type, *gl_type, *ts_type, *pd_type,
    *st_type, *fm_type, *ppd_type, *fd_type, *sc_type, *tm_type;

/* ------------------------------------------------------------------------
 * The Python side: module dicts, the reference functions, interned names.
 */

static PyObject *proc_dict;      /* rt.proc.__dict__ */
static PyObject *netpoll_dict;   /* rt.netpoll.__dict__ */
static PyObject *epoll_dict;     /* rt.netpoll_epoll.__dict__ */

/* Reference (Python) functions the twins defer to. */
static PyObject *py_casgstatus, *py_ready, *py_readyFromOtherThread, *py_findRunnable,
    *py_wakeNetPoller, *py_stackalloc, *py_throw, *py_newstack, *py_UnwindingError,
    *py_pollReset, *py_forget, *py_park_m, *py_injectglist, *py_runqget, *py_runqput,
    *py_runqputbatch, *py_pollSetDeadline, *py_netpollDeadline, *py_netpollReadDeadline,
    *py_netpollWriteDeadline;
/* Python objects used as values. */
static PyObject *str_size, *str_unwinding, *str_preemptRequested, *str_panicking,
    *str_mainDone, *str_sched, *str_netpollWaiters, *str_stats, *str_epfd,
    *str_netpollEventFd, *str_netpollWakeSig, *str_eventFdMarker, *str_pollcache,
    *str_all, *str_runqputslow, *str_wakep,
    *str_netpoller, *str_acquire, *str_release, *str_pollUntil, *str_nGsyscall,
    *str_sysmonwait, *str_sysmonwake, *str_modify, *str_stop;
static PyObject *c_park_m_obj;   /* this module's park_m, stored in m.mcallfn */
static PyObject *c_blockcommit_obj; /* this module's netpollblockcommit */
static PyObject *int_modeR, *int_modeW;

static inline PyObject *
dict_get(PyObject *d, PyObject *key)
{
    PyObject *v = PyDict_GetItemWithError(d, key); /* borrowed */
    if (v == NULL && !PyErr_Occurred())
        PyErr_Format(PyExc_NameError, "rt._runtime: name %R is not defined", key);
    return v;
}

/* A module global read as a truth value: 1, 0, or -1 with an error. */
static inline int
global_true(PyObject *d, PyObject *key)
{
    PyObject *v = dict_get(d, key);
    if (v == NULL)
        return -1;
    if (v == Py_True)
        return 1;
    if (v == Py_False || v == Py_None)
        return 0;
    return PyObject_IsTrue(v);
}

static inline long long
global_ll(PyObject *d, PyObject *key)
{
    PyObject *v = dict_get(d, key);
    if (v == NULL)
        return -1;
    return PyLong_AsLongLong(v);
}

static inline int
global_add(PyObject *d, PyObject *key, long long delta)
{
    long long x = global_ll(d, key);
    if (x == -1 && PyErr_Occurred())
        return -1;
    PyObject *v = PyLong_FromLongLong(x + delta);
    if (v == NULL)
        return -1;
    int r = PyDict_SetItem(d, key, v);
    Py_DECREF(v);
    return r;
}

/* An attribute of a plain (non-slots) object as a long long. */
static inline long long
attr_ll(PyObject *o, PyObject *name)
{
    PyObject *v = PyObject_GetAttr(o, name);
    if (v == NULL)
        return -1;
    long long x = PyLong_AsLongLong(v);
    Py_DECREF(v);
    return x;
}

/* runtime/time_nofake.go: nanotime, the clock of Python's time.monotonic_ns. */
static inline long long
nanotime(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* The M bound to a thread by proc.setm (Go's m in thread-local storage):
 * only M0 runs Go code, so one (thread, m) pair is all there is to keep. */
static PyObject *cur_m;
static unsigned long cur_m_thread;

/* The M of this thread (new reference), or None. */
static PyObject *
getm(void)
{
    if (cur_m != NULL && PyThread_get_thread_ident() == cur_m_thread)
        return Py_NewRef(cur_m);
    Py_RETURN_NONE;
}

static PyObject *
setm(PyObject *self, PyObject *mp)
{
    if (mp == Py_None) {
        Py_CLEAR(cur_m);
        Py_RETURN_NONE;
    }
    if (m_type == NULL || !Py_IS_TYPE(mp, m_type)) {
        PyErr_SetString(PyExc_TypeError, "setm(mp): mp must be a runtime2.m or None");
        return NULL;
    }
    Py_INCREF(mp);
    Py_XSETREF(cur_m, mp);
    cur_m_thread = PyThread_get_thread_ident();
    Py_RETURN_NONE;
}

/* (a, b), stealing both references (NULL if either is NULL). */
static PyObject *
pair(PyObject *a, PyObject *b)
{
    if (a == NULL || b == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(a);
        Py_DECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, a);
    PyTuple_SET_ITEM(t, 1, b);
    return t;
}

static PyObject *
call_throw(const char *msg)
{
    PyObject *r = PyObject_CallFunction(py_throw, "s", msg);
    Py_XDECREF(r);
    return NULL;
}


/* Fields of the scheduler's global ``sched`` (runtime2.schedt's __slots__). */
static inline long long
sched_ll(PyObject *sched, int field)
{
    if (!Py_IS_TYPE(sched, sc_type)) {
        PyErr_SetString(PyExc_TypeError, "rt._runtime: sched is not a runtime2.schedt");
        return -1;
    }
    return slot_ll(sched, SC[field]);
}

static inline int
sched_set_ll(PyObject *sched, int field, long long x)
{
    if (!Py_IS_TYPE(sched, sc_type)) {
        PyErr_SetString(PyExc_TypeError, "rt._runtime: sched is not a runtime2.schedt");
        return -1;
    }
    return slot_set_ll(sched, SC[field], x);
}

/* A field as a new reference. */
static inline PyObject *
sched_get(PyObject *sched, int field)
{
    if (!Py_IS_TYPE(sched, sc_type)) {
        PyErr_SetString(PyExc_TypeError, "rt._runtime: sched is not a runtime2.schedt");
        return NULL;
    }
    PyObject *v = SLOT(sched, SC[field]);
    if (v == NULL)
        PyErr_SetString(PyExc_AttributeError, "rt._runtime: sched field unset");
    return Py_XNewRef(v);
}

/* Defined in the parts below and used before their definition. */
static PyObject *netpoll(PyObject *self, PyObject *arg);
static PyObject *injectglist(PyObject *self, PyObject *glist);
static PyObject *gopark(PyObject *self, PyObject *const *args, Py_ssize_t nargs);


static int
take(PyObject *d, const char *name, PyObject **out)
{
    PyObject *v = PyDict_GetItemString(d, name);
    if (v == NULL) {
        PyErr_Format(PyExc_NameError, "rt._runtime: %s is not defined", name);
        return -1;
    }
    Py_INCREF(v);
    Py_XSETREF(*out, v);
    return 0;
}

static int
take_type(PyObject *d, const char *name, PyTypeObject **out, const char *const *names,
          Py_ssize_t *offs)
{
    PyObject *cls = NULL;
    if (take(d, name, &cls) < 0)
        return -1;
    if (!PyType_Check(cls)) {
        Py_DECREF(cls);
        PyErr_Format(PyExc_TypeError, "rt._runtime: %s is not a class", name);
        return -1;
    }
    if (resolve(cls, names, offs) < 0) {
        Py_DECREF(cls);
        return -1;
    }
    *out = (PyTypeObject *)cls; /* kept for the life of the process */
    return 0;
}

static PyObject *
bind_runtime2(PyObject *self, PyObject *d)
{
    if (take_type(d, "g", &g_type, g_names, G) < 0 || take_type(d, "m", &m_type, m_names, M) < 0
        || take_type(d, "p", &p_type, p_names, P) < 0
        || take_type(d, "gQueue", &gq_type, gq_names, GQ) < 0
        || take_type(d, "gList", &gl_type, gl_names, GL) < 0
        || take_type(d, "schedt", &sc_type, sc_names, SC) < 0)
        return NULL;
    Py_RETURN_NONE;
}


static PyObject *
bind_proc(PyObject *self, PyObject *d)
{
    if (g_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "rt._runtime: bind_runtime2 first");
        return NULL;
    }
    Py_INCREF(d);
    Py_XSETREF(proc_dict, d);
    if (take(d, "casgstatus", &py_casgstatus) < 0
        || take(d, "ready", &py_ready) < 0
        || take(d, "_readyFromOtherThread", &py_readyFromOtherThread) < 0
        || take(d, "findRunnable", &py_findRunnable) < 0
        || take(d, "wakeNetPoller", &py_wakeNetPoller) < 0
        || take(d, "_stackalloc", &py_stackalloc) < 0 || take(d, "throw", &py_throw) < 0
        || take(d, "newstack", &py_newstack) < 0 || take(d, "park_m", &py_park_m) < 0
        || take(d, "injectglist", &py_injectglist) < 0
        || take(d, "runqget", &py_runqget) < 0 || take(d, "runqput", &py_runqput) < 0
        || take(d, "runqputbatch", &py_runqputbatch) < 0
        || take(d, "UnwindingError", &py_UnwindingError) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
bind_netpoll(PyObject *self, PyObject *d)
{
    Py_INCREF(d);
    Py_XSETREF(netpoll_dict, d);
    if (take_type(d, "pollDesc", &pd_type, pd_names, PD) < 0
        || take_type(d, "NetpollStats", &st_type, st_names, ST) < 0
        || take(d, "poll_runtime_pollReset", &py_pollReset) < 0
        || take(d, "_forget", &py_forget) < 0
        || take(d, "poll_runtime_pollSetDeadline", &py_pollSetDeadline) < 0
        || take(d, "netpollDeadline", &py_netpollDeadline) < 0
        || take(d, "netpollReadDeadline", &py_netpollReadDeadline) < 0
        || take(d, "netpollWriteDeadline", &py_netpollWriteDeadline) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
bind_netpoll_epoll(PyObject *self, PyObject *d)
{
    Py_INCREF(d);
    Py_XSETREF(epoll_dict, d);
    Py_RETURN_NONE;
}

/* ========================================================================
 * The twins, one file per Python module (see the top of this file).
 */

static PyObject *py_timers_check;   /* the reference timers.check */

#include "_time.c"
#include "_proc.c"
#include "_netpoll.c"
#include "_netpoll_epoll.c"
#include "poll/_fd_unix.c"
#include "poll/_fd_poll_runtime.c"
#include "../net/_net.c"

/* bind_fd_poll_runtime(namespace): fd_poll_runtime.py's reference and errors. */
static PyObject *
bind_fd_poll_runtime(PyObject *self, PyObject *d)
{
    if (take(d, "setDeadlineImpl", &py_setDeadlineImpl) < 0
        || take(d, "ErrNoDeadline", &py_ErrNoDeadline) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* bind_time(namespace) -> {"timers.check": ..., "timer.modify": ...}: method
 * descriptors for time.py's classes. */
static PyObject *
bind_time(PyObject *self, PyObject *d)
{
    if (take_type(d, "timers", &ts_type, ts_names, TS) < 0
        || take_type(d, "timer", &tm_type, tm_names, TM) < 0)
        return NULL;
    PyObject *check = PyObject_GetAttrString((PyObject *)ts_type, "check");
    PyObject *modify = PyObject_GetAttrString((PyObject *)tm_type, "modify");
    if (check == NULL || modify == NULL) {
        Py_XDECREF(check);
        Py_XDECREF(modify);
        return NULL;
    }
    Py_XSETREF(py_timers_check, check);
    Py_XSETREF(py_timer_modify, modify);
    PyObject *c = PyDescr_NewMethod(ts_type, &timers_check_def);
    PyObject *m = PyDescr_NewMethod(tm_type, &timer_modify_def);
    if (c == NULL || m == NULL) {
        Py_XDECREF(c);
        Py_XDECREF(m);
        return NULL;
    }
    return Py_BuildValue("{sNsN}", "timers.check", c, "timer.modify", m);
}

/* ------------------------------------------------------------------------ */

static PyMethodDef methods[] = {
    {"bind_runtime2", bind_runtime2, METH_O, "Resolve runtime2.py's slot offsets."},
    {"setm", setm, METH_O, "proc.setm: bind an M to this thread (None unbinds)."},
    {"bind_time", bind_time, METH_O, "Resolve time.py's timers offsets; make timers.check."},
    {"bind_proc", bind_proc, METH_O, "Take proc.py's globals and reference functions."},
    {"bind_netpoll", bind_netpoll, METH_O, "Take netpoll.py's globals."},
    {"bind_netpoll_epoll", bind_netpoll_epoll, METH_O, "Take netpoll_epoll.py's globals."},
    {"bind_fd_poll_runtime", bind_fd_poll_runtime, METH_O,
     "Take fd_poll_runtime.py's setDeadlineImpl and ErrNoDeadline."},
    {"setDeadlineImpl", (PyCFunction)(void (*)(void))setDeadlineImpl, METH_FASTCALL,
     "internal/poll/fd_poll_runtime.go: setDeadlineImpl."},
    {"bind_conn", (PyCFunction)(void (*)(void))bind_conn, METH_FASTCALL,
     "Make conn.Read/conn.Write method descriptors for net's conn class."},
    {"bind_fd", (PyCFunction)(void (*)(void))bind_fd, METH_FASTCALL,
     "Make FD.Read/ReadFromInet4/ReadFromInet6/Write/WriteToInet4/WriteToInet6 method "
     "descriptors for the Python class FD."},
    {"casgstatus", (PyCFunction)(void (*)(void))casgstatus, METH_FASTCALL, "proc.go: casgstatus."},
    {"runqput", (PyCFunction)(void (*)(void))runqput, METH_FASTCALL, "proc.go: runqput."},
    {"runqget", runqget, METH_O, "proc.go: runqget."},
    {"runqputbatch", (PyCFunction)(void (*)(void))runqputbatch, METH_FASTCALL,
     "proc.go: runqputbatch."},
    {"ready", (PyCFunction)(void (*)(void))ready, METH_FASTCALL, "proc.go: ready."},
    {"goready", goready, METH_O, "proc.go: goready."},
    {"dropg", dropg, METH_NOARGS, "proc.go: dropg."},
    {"gopark", (PyCFunction)(void (*)(void))gopark, METH_FASTCALL, "proc.go: gopark."},
    {"park_m", park_m, METH_O, "proc.go: park_m."},
    {"execute", (PyCFunction)(void (*)(void))execute, METH_FASTCALL, "proc.go: execute."},
    {"findRunnable", findRunnable, METH_NOARGS, "proc.go: findRunnable (common path)."},
    {"schedule", schedule, METH_NOARGS, "proc.go: schedule."},
    {"injectglist", injectglist, METH_O, "proc.go: injectglist."},
    {"netpollcheckerr", (PyCFunction)(void (*)(void))netpollcheckerr, METH_FASTCALL,
     "netpoll.go: netpollcheckerr."},
    {"netpollblockcommit", (PyCFunction)(void (*)(void))netpollblockcommit, METH_FASTCALL,
     "netpoll.go: netpollblockcommit."},
    {"netpollblock", (PyCFunction)(void (*)(void))netpollblock, METH_FASTCALL,
     "netpoll.go: netpollblock."},
    {"netpollunblock", (PyCFunction)(void (*)(void))netpollunblock, METH_FASTCALL,
     "netpoll.go: netpollunblock."},
    {"netpollready", (PyCFunction)(void (*)(void))netpollready, METH_FASTCALL,
     "netpoll.go: netpollready."},
    {"poll_runtime_pollReset", (PyCFunction)(void (*)(void))poll_runtime_pollReset,
     METH_FASTCALL, "netpoll.go: poll_runtime_pollReset."},
    {"poll_runtime_pollSetDeadline", (PyCFunction)(void (*)(void))poll_runtime_pollSetDeadline,
     METH_FASTCALL, "netpoll.go: poll_runtime_pollSetDeadline."},
    {"poll_runtime_pollWait", (PyCFunction)(void (*)(void))poll_runtime_pollWait,
     METH_FASTCALL, "netpoll.go: poll_runtime_pollWait."},
    {"netpoll", netpoll, METH_O, "netpoll_epoll.go: netpoll."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "rt._runtime",
    "C twins of the runtime's hot functions (see the comment at the top of rt/_runtime.c).",
    -1, methods,
};

#define INTERN(var, s) if ((var = PyUnicode_InternFromString(s)) == NULL) return NULL

PyMODINIT_FUNC
PyInit__runtime(void)
{
    PyGreenlet_Import();
    if (_PyGreenlet_API == NULL)
        return NULL;
    INTERN(str_size, "size"); INTERN(str_unwinding, "unwinding");
    INTERN(str_preemptRequested, "preemptRequested"); INTERN(str_panicking, "_panicking");
    INTERN(str_mainDone, "_mainDone"); INTERN(str_sched, "sched");
    INTERN(str_netpollWaiters, "netpollWaiters"); INTERN(str_stats, "stats");
    INTERN(str_epfd, "epfd"); INTERN(str_netpollEventFd, "netpollEventFd");
    INTERN(str_netpollWakeSig, "netpollWakeSig"); INTERN(str_eventFdMarker, "_eventFdMarker");
    INTERN(str_pollcache, "pollcache"); INTERN(str_all, "all");
    INTERN(str_runqputslow, "runqputslow"); INTERN(str_wakep, "wakep");
    INTERN(str_netpoller, "netpoller"); INTERN(str_acquire, "acquire");
    INTERN(str_release, "release"); INTERN(str_pollUntil, "pollUntil");
    INTERN(str_nGsyscall, "nGsyscall"); INTERN(str_sysmonwait, "sysmonwait");
    INTERN(str_sysmonwake, "sysmonwake"); INTERN(str_IsZero, "IsZero");
    INTERN(str_incref, "incref"); INTERN(str_decref, "decref"); INTERN(str_modify, "modify");
    INTERN(str_stop, "stop");
    INTERN(str_Op, "Op"); INTERN(str_Net, "Net"); INTERN(str_Source, "Source");
    INTERN(str_Addr, "Addr"); INTERN(str_Err, "Err"); INTERN(str_read_op, "read");
    INTERN(str_write_op, "write");
    INTERN(str_readLock, "readLock");
    INTERN(str_readUnlock, "readUnlock"); INTERN(str_writeLock, "writeLock");
    INTERN(str_writeUnlock, "writeUnlock"); INTERN(str_Port, "Port");
    INTERN(str_ZoneId, "ZoneId");
    for (int i = 0; i < 3; i++)
        if ((small_int[i] = PyLong_FromLong(i)) == NULL)
            return NULL;
    if ((int_modeR = PyLong_FromLong(modeR)) == NULL
        || (int_modeW = PyLong_FromLong(modeW)) == NULL)
        return NULL;
    PyObject *mod = PyModule_Create(&moduledef);
    if (mod == NULL)
        return NULL;
    c_park_m_obj = PyObject_GetAttrString(mod, "park_m");
    c_blockcommit_obj = PyObject_GetAttrString(mod, "netpollblockcommit");
    if (c_park_m_obj == NULL || c_blockcommit_obj == NULL) {
        Py_DECREF(mod);
        return NULL;
    }
    if (PyModule_AddIntConstant(mod, "SIZEOF_EPOLL_EVENT", sizeof(struct epoll_event)) < 0) {
        Py_DECREF(mod);
        return NULL;
    }
    return mod;
}

