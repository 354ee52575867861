/*
 * rt/_runtime.c: C twins of the runtime's hot functions (PEP 399).
 *
 * The Python modules are the reference: rt/proc.py, rt/netpoll.py,
 * rt/netpoll_epoll.py and rt/poll/fd_unix.py read function for function as
 * Go's files. An echo round trip runs some 3,700 bytecodes of them; this
 * file holds twins of the few dozen functions those bytecodes belong to, with
 * the same names, arguments, results, state changes and throws. Each Python
 * module binds its twins at its end (``_runtime.bind_*``), unless
 * GONET_PUREPY=1, and the tests run the whole suite both ways.
 *
 * One definition of the data. The twins own no types: g, m, p, pollDesc,
 * gList, gQueue and NetpollStats stay the Python classes of runtime2.py and
 * netpoll.py. Their fields are __slots__, which CPython stores at fixed
 * offsets in the instance; bind_* reads each offset from the class's member
 * descriptor, by name, and refuses to bind if a field is missing or is not
 * a plain object slot. A field read here is then one load, not a dictionary
 * lookup, and a field renamed in Python fails at import, not at run time.
 * The scheduler's globals (sched, unwinding, preemptRequested, ...) are read
 * from the Python modules' dictionaries at each use, so Python code that
 * rebinds them (schedinit, teardown, sysmon) is seen at once.
 *
 * The common path only. Each twin handles what an echo round trip needs;
 * anything unusual (a deadline armed, timers due, a status that would throw,
 * a G readied from another thread, the global queue's fairness tick) calls
 * the Python function it twins, captured at bind time, which does the rest
 * (and calls back into the twins it reaches). So Go's throws, teardown
 * unwinding and the safe points behave as in Python: the twins test the same
 * conditions in the same order and defer to the same code for the rest.
 *
 * Parking goes through greenlet's C API (PyGreenlet_Switch), as gevent's
 * compiled hub does.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include "greenlet/greenlet.h"

#define MAX_RW_COUNT 0x7ffff000
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

/* Resolve every field name of `names` on `cls` into `offs`. */
static int
resolve(PyObject *cls, const char *const *names, Py_ssize_t *offs)
{
    for (int i = 0; names[i] != NULL; i++) {
        offs[i] = member_offset(cls, names[i]);
        if (offs[i] < 0)
            return -1;
    }
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
static const char *const ts_names[] = {"minWhenHeap", "minWhenModified", NULL};
enum { TS_minWhenHeap, TS_minWhenModified, TS_N };
static const char *const pd_names[] = {"fd", "fdseq", "atomicInfo", "rg", "wg", "rd",
    "wd", NULL};
enum { PD_fd, PD_fdseq, PD_atomicInfo, PD_rg, PD_wg, PD_rd, PD_wd, PD_N };
static const char *const st_names[] = {"blockingPolls", "nonBlockingPolls", "events",
    "parked", "readied", NULL};
enum { ST_blockingPolls, ST_nonBlockingPolls, ST_events, ST_parked, ST_readied, ST_N };
static const char *const fm_names[] = {"state", NULL};
enum { FM_state, FM_N };
static const char *const ppd_names[] = {"runtimeCtx", NULL};
static const char *const fd_names[] = {"fdmu", "Sysfd", "pd", "isFile", "IsStream",
    "ZeroReadIsEOF", "isBlocking", NULL};
enum { FD_fdmu, FD_Sysfd, FD_pd, FD_isFile, FD_IsStream, FD_ZeroReadIsEOF, FD_isBlocking,
       FD_N };
enum { PPD_runtimeCtx, PPD_N };

static Py_ssize_t G[G_N], M[M_N], P[P_N], GQ[GQ_N], GL[GL_N], TS[TS_N], PD[PD_N],
    ST[ST_N], FM[FM_N], PPD[PPD_N], FDS[FD_N], SC[SC_N];
static PyTypeObject *g_type, *m_type, *p_type, *gq_type, *gl_type, *ts_type, *pd_type,
    *st_type, *fm_type, *ppd_type, *fd_type, *sc_type;

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
    *py_runqputbatch;
/* Python objects used as values. */
static PyObject *tls, *str_m, *str_runq, *str_size, *str_lastpoll, *str_npidle,
    *str_sysmonpoll, *str_unwinding, *str_preemptRequested, *str_panicking,
    *str_mainDone, *str_sched, *str_netpollWaiters, *str_stats, *str_epfd,
    *str_netpollEventFd, *str_netpollWakeSig, *str_eventFdMarker, *str_pollcache,
    *str_all, *str_lock, *str_enter, *str_exit, *str_gList, *str_runqputslow, *str_wakep,
    *str_netpoller, *str_acquire, *str_release, *str_pollUntil, *str_nGsyscall,
    *str_sysmonwait, *str_sysmonwake, *str_check;
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

/* ========================================================================
 * runtime/proc.go
 */

/* proc.go: casgstatus. The common case; anything else goes to the Python
 * reference, which prints and throws with Go's texts. */
static int
c_casgstatus(PyObject *gp, long oldval, long newval)
{
    if (oldval != newval && Py_IS_TYPE(gp, g_type)) {
        PyObject *cur = SLOT(gp, G[G_atomicstatus]);
        if (cur != NULL && PyLong_CheckExact(cur) && PyLong_AsLong(cur) == oldval)
            return slot_set_ll(gp, G[G_atomicstatus], newval);
    }
    PyObject *r = PyObject_CallFunction(py_casgstatus, "Oll", gp, oldval, newval);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static PyObject *
casgstatus(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "casgstatus(gp, oldval, newval)");
        return NULL;
    }
    long o = PyLong_AsLong(args[1]), n = PyLong_AsLong(args[2]);
    if (PyErr_Occurred())
        return NULL;
    if (c_casgstatus(args[0], o, n) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* proc.go: runqput. */
static int
c_runqput(PyObject *pp, PyObject *gp, int next)
{
    PyObject *held = NULL;
    if (next) {
        PyObject *oldnext = SLOT(pp, P[P_runnext]);
        Py_XINCREF(oldnext);
        slot_set(pp, P[P_runnext], gp);
        if (oldnext == NULL || oldnext == Py_None) {
            Py_XDECREF(oldnext);
            return 0;
        }
        held = oldnext; /* kicked to the tail */
        gp = oldnext;
    }
    long long t = slot_ll(pp, P[P_runqtail]);
    long long h = slot_ll(pp, P[P_runqhead]);
    PyObject *runq = SLOT(pp, P[P_runq]);
    int r;
    if (PyErr_Occurred()) {
        r = -1;
    }
    else if (t - h < 256 && runq != NULL && PyList_CheckExact(runq)
             && PyList_GET_SIZE(runq) == 256) {
        PyObject **item = &PyList_GET_ITEM(runq, t & 255);
        PyObject *old = *item;
        Py_INCREF(gp);
        *item = gp;
        Py_XDECREF(old);
        r = slot_set_ll(pp, P[P_runqtail], t + 1);
    }
    else {
        /* runqputslow: the reference moves half the ring to the global queue. */
        PyObject *f = dict_get(proc_dict, str_runqputslow);
        PyObject *res = f ? PyObject_CallFunction(f, "OOLL", pp, gp, h, t) : NULL;
        r = res ? 0 : -1;
        Py_XDECREF(res);
    }
    Py_XDECREF(held);
    return r;
}

static PyObject *
runqput(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "runqput(pp, gp, next)");
        return NULL;
    }
    if (!Py_IS_TYPE(args[0], p_type))
        return PyObject_Vectorcall(py_runqput, args, 3, NULL);
    int next = PyObject_IsTrue(args[2]);
    if (next < 0 || c_runqput(args[0], args[1], next) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* proc.go: runqget. Returns a new reference to the G or None; *inherit set. */
static PyObject *
c_runqget(PyObject *pp, int *inherit)
{
    PyObject *nxt = SLOT(pp, P[P_runnext]);
    if (nxt != NULL && nxt != Py_None) {
        Py_INCREF(nxt);
        slot_set(pp, P[P_runnext], Py_None);
        *inherit = 1;
        return nxt;
    }
    *inherit = 0;
    long long h = slot_ll(pp, P[P_runqhead]);
    long long t = slot_ll(pp, P[P_runqtail]);
    if (PyErr_Occurred())
        return NULL;
    if (h == t)
        Py_RETURN_NONE;
    PyObject *runq = SLOT(pp, P[P_runq]);
    if (runq == NULL || !PyList_CheckExact(runq) || PyList_GET_SIZE(runq) != 256) {
        PyErr_SetString(PyExc_TypeError, "rt._runtime: p.runq is not a 256-slot list");
        return NULL;
    }
    PyObject **item = &PyList_GET_ITEM(runq, h & 255);
    PyObject *gp = *item;   /* the list's reference becomes ours */
    Py_INCREF(Py_None);
    *item = Py_None;
    if (slot_set_ll(pp, P[P_runqhead], h + 1) < 0) {
        Py_XDECREF(gp);
        return NULL;
    }
    return gp;
}

static PyObject *
runqget(PyObject *self, PyObject *pp)
{
    if (!Py_IS_TYPE(pp, p_type))
        return PyObject_CallOneArg(py_runqget, pp);
    int inherit;
    PyObject *gp = c_runqget(pp, &inherit);
    if (gp == NULL)
        return NULL;
    return pair(gp, Py_NewRef(inherit ? Py_True : Py_False));
}

/* proc.go: runqputbatch. */
static int
c_runqputbatch(PyObject *pp, PyObject *q)
{
    PyObject *head = SLOT(q, GQ[GQ_head]);
    if (head == NULL || head == Py_None)
        return 0;
    long long h = slot_ll(pp, P[P_runqhead]);
    long long t = slot_ll(pp, P[P_runqtail]);
    long long size = slot_ll(q, GQ[GQ_size]);
    PyObject *runq = SLOT(pp, P[P_runq]);
    if (PyErr_Occurred())
        return -1;
    if (runq == NULL || !PyList_CheckExact(runq) || PyList_GET_SIZE(runq) != 256) {
        PyErr_SetString(PyExc_TypeError, "rt._runtime: p.runq is not a 256-slot list");
        return -1;
    }
    while (t - h < 256) {
        /* gQueue.pop */
        PyObject *gp = SLOT(q, GQ[GQ_head]);
        if (gp == NULL || gp == Py_None)
            break;
        Py_INCREF(gp);
        PyObject *link = SLOT(gp, G[G_schedlink]);
        slot_set(q, GQ[GQ_head], link ? link : Py_None);
        if (SLOT(q, GQ[GQ_head]) == Py_None)
            slot_set(q, GQ[GQ_tail], Py_None);
        slot_set(gp, G[G_schedlink], Py_None);
        size--;
        PyObject **item = &PyList_GET_ITEM(runq, t & 255);
        PyObject *old = *item;
        *item = gp;    /* our reference moves into the list */
        Py_XDECREF(old);
        t++;
    }
    if (slot_set_ll(q, GQ[GQ_size], size) < 0)
        return -1;
    return slot_set_ll(pp, P[P_runqtail], t);
}

static PyObject *
runqputbatch(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "runqputbatch(pp, q)");
        return NULL;
    }
    int plain = Py_IS_TYPE(args[0], p_type) && Py_IS_TYPE(args[1], gq_type);
    for (PyObject *gp = plain ? SLOT(args[1], GQ[GQ_head]) : NULL;
         plain && gp != NULL && gp != Py_None; gp = SLOT(gp, G[G_schedlink]))
        plain = Py_IS_TYPE(gp, g_type);
    if (!plain)   /* not the runtime's own objects: the reference */
        return PyObject_Vectorcall(py_runqputbatch, args, 2, NULL);
    if (c_runqputbatch(args[0], args[1]) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* The wake-ups ready and injectglist end with (wakep, and wakeNetPoller(0)
 * while the M sleeps in the poller). wakep returns at once with one P
 * (sched.npidle == 0); the twin checks the same condition. */
static int
after_ready(PyObject *sched)
{
    long long npidle = sched_ll(sched, SC_npidle);
    if (npidle == -1 && PyErr_Occurred())
        return -1;
    if (npidle != 0) {
        PyObject *f = dict_get(proc_dict, str_wakep);
        PyObject *r = f ? PyObject_CallNoArgs(f) : NULL;
        if (r == NULL)
            return -1;
        Py_DECREF(r);
    }
    long long lastpoll = sched_ll(sched, SC_lastpoll);
    if (lastpoll == -1 && PyErr_Occurred())
        return -1;
    if (lastpoll == 0) {
        PyObject *r = PyObject_CallFunction(py_wakeNetPoller, "i", 0);
        if (r == NULL)
            return -1;
        Py_DECREF(r);
    }
    return 0;
}

/* proc.go: ready. */
static int
c_ready(PyObject *gp, int next)
{
    PyObject *st = Py_IS_TYPE(gp, g_type) ? SLOT(gp, G[G_atomicstatus]) : NULL;
    if (st == NULL || !PyLong_CheckExact(st) || PyLong_AsLong(st) != _Gwaiting) {
        /* The reference decides: ignore (unwinding) or throw. */
        PyObject *r = PyObject_CallFunction(py_ready, "OO", gp, next ? Py_True : Py_False);
        Py_XDECREF(r);
        return r ? 0 : -1;
    }
    if (c_casgstatus(gp, _Gwaiting, _Grunnable) < 0)
        return -1;
    PyObject *mp = getm();
    if (mp == NULL)
        return -1;
    PyObject *pp = mp == Py_None ? Py_None : SLOT(mp, M[M_p]);
    if (pp == NULL || pp == Py_None) {
        Py_DECREF(mp);
        PyObject *r = PyObject_CallOneArg(py_readyFromOtherThread, gp);
        Py_XDECREF(r);
        return r ? 0 : -1;
    }
    Py_INCREF(pp);
    Py_DECREF(mp);
    int r = c_runqput(pp, gp, next);
    Py_DECREF(pp);
    if (r < 0)
        return -1;
    PyObject *sched = Py_XNewRef(dict_get(proc_dict, str_sched));
    if (sched == NULL)
        return -1;
    r = after_ready(sched);
    Py_DECREF(sched);
    return r;
}

static PyObject *
ready(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "ready(gp, next)");
        return NULL;
    }
    int next = PyObject_IsTrue(args[1]);
    if (next < 0 || c_ready(args[0], next) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* proc.go: goready. */
static PyObject *
goready(PyObject *self, PyObject *gp)
{
    if (c_ready(gp, 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* proc.go: dropg. */
static int
c_dropg(PyObject *mp)
{
    PyObject *gp = SLOT(mp, M[M_curg]);
    if (gp != NULL && gp != Py_None)
        slot_set(gp, G[G_m], Py_None);
    slot_set(mp, M[M_curg], Py_None);
    return 0;
}

static PyObject *
dropg(PyObject *self, PyObject *unused)
{
    PyObject *mp = getm();
    if (mp == NULL)
        return NULL;
    if (!Py_IS_TYPE(mp, m_type)) {
        Py_DECREF(mp);
        PyErr_SetString(PyExc_AttributeError, "dropg: not on an M");
        return NULL;
    }
    c_dropg(mp);
    Py_DECREF(mp);
    Py_RETURN_NONE;
}

/* proc.go: gopark. */
static PyObject *
gopark(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "gopark(unlockf, lock, reason)");
        return NULL;
    }
    int unw = global_true(proc_dict, str_unwinding);
    if (unw < 0)
        return NULL;
    if (unw) {
        PyObject *e = PyObject_CallNoArgs(py_UnwindingError);
        if (e != NULL) {
            PyErr_SetObject((PyObject *)Py_TYPE(e), e);
            Py_DECREF(e);
        }
        return NULL;
    }
    PyObject *mp = getm();
    if (mp == NULL)
        return NULL;
    if (mp == Py_None) {
        Py_DECREF(mp);
        PyErr_SetString(PyExc_RuntimeError, "this call blocks, so it must be made from a "
                        "goroutine (inside rt.run), not from a plain thread");
        return NULL;
    }
    PyObject *gp = SLOT(mp, M[M_curg]);
    if (gp == NULL || gp == Py_None) {
        Py_DECREF(mp);
        return call_throw("gopark: not on a goroutine");
    }
    PyObject *g0 = SLOT(mp, M[M_g0]);
    if (g0 == NULL || !PyGreenlet_Check(g0)) {
        Py_DECREF(mp);
        return call_throw("gopark: M has no g0");
    }
    Py_INCREF(g0);
    slot_set(mp, M[M_waitunlockf], args[0]);
    slot_set(mp, M[M_waitlock], args[1]);
    slot_set(gp, G[G_waitreason], args[2]);
    /* mcall(park_m) */
    slot_set(mp, M[M_mcallfn], c_park_m_obj);
    Py_DECREF(mp);
    PyObject *r = PyGreenlet_Switch((PyGreenlet *)g0, NULL, NULL);
    Py_DECREF(g0);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

/* proc.go: park_m. On g0: running -> waiting, then the gopark callback. */
static PyObject *
park_m(PyObject *self, PyObject *gp)
{
    PyObject *mp = getm();
    if (mp == NULL)
        return NULL;
    if (!Py_IS_TYPE(mp, m_type) || !Py_IS_TYPE(gp, g_type)) {
        Py_DECREF(mp);
        return PyObject_CallOneArg(py_park_m, gp);
    }
    if (c_casgstatus(gp, _Grunning, _Gwaiting) < 0
        || slot_set_ll(gp, G[G_waitsince], nanotime()) < 0) {
        Py_DECREF(mp);
        return NULL;
    }
    c_dropg(mp);
    PyObject *fn = SLOT(mp, M[M_waitunlockf]);
    if (fn != NULL && fn != Py_None) {
        Py_INCREF(fn);
        PyObject *lock = SLOT(mp, M[M_waitlock]);
        Py_XINCREF(lock);
        slot_set(mp, M[M_waitunlockf], Py_None);
        slot_set(mp, M[M_waitlock], Py_None);
        Py_DECREF(mp);
        PyObject *argv[2] = {gp, lock ? lock : Py_None};
        PyObject *ok = PyObject_Vectorcall(fn, argv, 2, NULL);
        Py_DECREF(fn);
        Py_XDECREF(lock);
        if (ok == NULL)
            return NULL;
        int t = PyObject_IsTrue(ok);
        Py_DECREF(ok);
        if (t < 0)
            return NULL;
        if (!t) {
            if (c_casgstatus(gp, _Gwaiting, _Grunnable) < 0)
                return NULL;
            Py_INCREF(gp);
            return gp; /* Go: execute(gp, true), straight back into it */
        }
        Py_RETURN_NONE;
    }
    Py_DECREF(mp);
    Py_RETURN_NONE;
}

/* proc.go: execute. Returns when gp comes back to g0 (0), or -1. */
static int
c_execute(PyObject *mp, PyObject *gp, int inheritTime)
{
    if (!Py_IS_TYPE(gp, g_type)) {
        PyErr_SetString(PyExc_TypeError, "execute: not a g");
        return -1;
    }
    slot_set(mp, M[M_curg], gp);
    slot_set(gp, G[G_m], mp);
    if (c_casgstatus(gp, _Grunnable, _Grunning) < 0)
        return -1;
    if (slot_set_ll(gp, G[G_waitsince], 0) < 0 || slot_set_ll(gp, G[G_waitreason], 0) < 0)
        return -1;
    slot_set(gp, G[G_preempt], Py_False);
    if (global_true(proc_dict, str_preemptRequested) != 0
        && PyDict_SetItem(proc_dict, str_preemptRequested, Py_False) < 0)
        return -1;
    PyObject *pp = SLOT(mp, M[M_p]);
    if (pp == NULL || pp == Py_None)
        return call_throw("execute: M has no P"), -1;
    if (!inheritTime) {
        long long tick = slot_ll(pp, P[P_schedtick]);
        if ((tick == -1 && PyErr_Occurred()) || slot_set_ll(pp, P[P_schedtick], tick + 1) < 0)
            return -1;
    }
    PyObject *gr = SLOT(gp, G[G_sched]);
    PyObject *r;
    if (gr == NULL || gr == Py_None) {
        gr = PyObject_CallOneArg(py_stackalloc, pp);
        if (gr == NULL)
            return -1;
        slot_set(gp, G[G_sched], gr);
        if (!PyGreenlet_Check(gr)) {
            Py_DECREF(gr);
            return call_throw("execute: stack is not a greenlet"), -1;
        }
        PyObject *a = PyTuple_Pack(1, gp);
        if (a == NULL) {
            Py_DECREF(gr);
            return -1;
        }
        r = PyGreenlet_Switch((PyGreenlet *)gr, a, NULL);
        Py_DECREF(a);
        Py_DECREF(gr);
    }
    else {
        if (!PyGreenlet_Check(gr))
            return call_throw("execute: stack is not a greenlet"), -1;
        Py_INCREF(gr);
        r = PyGreenlet_Switch((PyGreenlet *)gr, NULL, NULL);
        Py_DECREF(gr);
    }
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static PyObject *
execute(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "execute(gp, inheritTime)");
        return NULL;
    }
    int inherit = PyObject_IsTrue(args[1]);
    if (inherit < 0)
        return NULL;
    PyObject *mp = getm();
    if (mp == NULL)
        return NULL;
    int r = Py_IS_TYPE(mp, m_type) ? c_execute(mp, args[0], inherit)
                                   : (PyErr_SetString(PyExc_AttributeError, "no M"), -1);
    Py_DECREF(mp);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *netpoll(PyObject *self, PyObject *arg);
static PyObject *injectglist(PyObject *self, PyObject *glist);


/* sched.runq.size, or -1 with an error. */
static long long
globrunqsize(PyObject *sched)
{
    PyObject *runq = sched_get(sched, SC_runq);
    if (runq == NULL)
        return -1;
    long long size = Py_IS_TYPE(runq, gq_type) ? slot_ll(runq, GQ[GQ_size]) : attr_ll(runq, str_size);
    Py_DECREF(runq);
    return size;
}

/* findRunnable's sleep, when nothing is runnable and no timer is armed:
 * under sched.lock publish "polling" (lastpoll = 0) and take a last look at
 * the queues; then block in netpoll and queue what it readied. Returns 1
 * when it slept (the caller looks again), 0 when the reference must decide
 * (something became runnable under the lock, or nothing can ever wake us:
 * checkdead), -1 on error. */
static int
c_findRunnableSleep(PyObject *sched, PyObject *pp, long long pollUntil)
{
    PyObject *np = dict_get(proc_dict, str_netpoller);
    if (np == NULL)
        return -1;
    if (np == Py_None)
        return 0;
    PyObject *lock = sched_get(sched, SC_lock);
    if (lock == NULL)
        return -1;
    PyObject *r = PyObject_CallMethodNoArgs(lock, str_acquire);
    if (r == NULL) {
        Py_DECREF(lock);
        return -1;
    }
    Py_DECREF(r);
    int decided = 0;  /* 1: sleep; 0: the reference decides */
    if (sched_set_ll(sched, SC_lastpoll, 0) < 0
        || sched_set_ll(sched, SC_pollUntil, pollUntil) < 0) {
        decided = -1;
    }
    else {
        long long gsize = globrunqsize(sched);
        long long h = slot_ll(pp, P[P_runqhead]), t = slot_ll(pp, P[P_runqtail]);
        long long nGsyscall = sched_ll(sched, SC_nGsyscall);
        long long waiters = global_ll(netpoll_dict, str_netpollWaiters);
        PyObject *nx = SLOT(pp, P[P_runnext]);
        if (PyErr_Occurred())
            decided = -1;
        else if (gsize > 0 || h != t || (nx != NULL && nx != Py_None))
            decided = 0;   /* runnable after all: the reference restores lastpoll */
        else if (pollUntil == 0 && nGsyscall == 0 && waiters <= 0)
            decided = 0;   /* checkdead: the reference ends the program */
        else
            decided = 1;
    }
    r = PyObject_CallMethodNoArgs(lock, str_release);
    Py_DECREF(lock);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    if (decided <= 0) {
        if (decided == 0 && (sched_set_ll(sched, SC_lastpoll, nanotime()) < 0
                             || sched_set_ll(sched, SC_pollUntil, 0) < 0))
            return -1;
        return decided;
    }
    /* Sleep until pollUntil (the next timer), or until an event. */
    long long delay = -1;
    if (pollUntil != 0) {
        delay = pollUntil - nanotime();
        if (delay < 0)
            delay = 0;
    }
    PyObject *dl = PyLong_FromLongLong(delay);
    PyObject *res = dl ? netpoll(NULL, dl) : NULL;
    Py_XDECREF(dl);
    int ret = 1;
    if (res == NULL) {
        ret = -1;
    }
    else {
        PyObject *lst = PyTuple_GET_ITEM(res, 0);
        long long delta = PyLong_AsLongLong(PyTuple_GET_ITEM(res, 1));
        PyObject *ir = injectglist(NULL, lst);
        Py_DECREF(res);
        if (ir == NULL || (delta != 0 && global_add(netpoll_dict, str_netpollWaiters, delta) < 0))
            ret = -1;
        Py_XDECREF(ir);
    }
    /* finally: */
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    int fin = 0;
    if (sched_set_ll(sched, SC_pollUntil, 0) < 0 || sched_set_ll(sched, SC_lastpoll, nanotime()) < 0)
        fin = -1;
    else {
        PyObject *w = sched_get(sched, SC_sysmonwait);
        int sw = w ? PyObject_IsTrue(w) : -1;
        Py_XDECREF(w);
        if (sw < 0)
            fin = -1;
        else if (sw) {
            /* The P is busy again: sysmon must watch it. */
            PyObject *f = dict_get(proc_dict, str_sysmonwake);
            PyObject *x = f ? PyObject_CallNoArgs(f) : NULL;
            if (x == NULL)
                fin = -1;
            Py_XDECREF(x);
        }
    }
    if (fin < 0) {
        Py_XDECREF(et);
        Py_XDECREF(ev);
        Py_XDECREF(tb);
        return -1;
    }
    PyErr_Restore(et, ev, tb);
    return ret;
}

/* proc.go: findRunnable, its common path: due timers run (timers.check,
 * in Python), then a G from runnext or the local ring, or, with every queue
 * empty, a sleep in the poller until the next timer (c_findRunnableSleep).
 * The rest (a sysmon poll request, the 61st tick with the global queue
 * non-empty, the global queue, checkdead) is the Python reference's, from
 * the top of its loop, which repeats the same steps in the same order.
 * Returns a new reference to the G; *inherit set. */
static PyObject *
c_findRunnable(PyObject *mp, int *inherit)
{
    PyObject *pp = SLOT(mp, M[M_p]);
    PyObject *sched = dict_get(proc_dict, str_sched);
    if (sched == NULL)
        return NULL;
    if (pp == NULL || pp == Py_None || !Py_IS_TYPE(pp, p_type))
        goto slow;
    {
        PyObject *v = sched_get(sched, SC_sysmonpoll);
        if (v == NULL)
            return NULL;
        int sp = PyObject_IsTrue(v);
        Py_DECREF(v);
        if (sp < 0)
            return NULL;
        if (sp != 0)
            goto slow;   /* sysmonNetpoll first */
    }
    for (;;) {
        PyObject *ts = SLOT(pp, P[P_timers]);
        if (ts == NULL || !Py_IS_TYPE(ts, ts_type))
            goto slow;
        long long mwh = slot_ll(ts, TS[TS_minWhenHeap]);
        long long mwm = slot_ll(ts, TS[TS_minWhenModified]);
        if (PyErr_Occurred())
            return NULL;
        long long pollUntil = 0;
        if (mwh || mwm) {
            /* timers.check(0): run what is due (it may ready Gs); next when */
            PyObject *r = PyObject_CallMethodOneArg(ts, str_check, small_int[0]);
            if (r == NULL)
                return NULL;
            if (!PyTuple_Check(r) || PyTuple_GET_SIZE(r) != 3) {
                Py_DECREF(r);
                PyErr_SetString(PyExc_TypeError, "timers.check must return (now, when, ran)");
                return NULL;
            }
            pollUntil = PyLong_AsLongLong(PyTuple_GET_ITEM(r, 1));
            Py_DECREF(r);
            if (pollUntil == -1 && PyErr_Occurred())
                return NULL;
        }
        long long tick = slot_ll(pp, P[P_schedtick]);
        if (tick == -1 && PyErr_Occurred())
            return NULL;
        long long gsize = -2;
        if (tick % 61 == 0) {
            gsize = globrunqsize(sched);
            if (gsize == -1 && PyErr_Occurred())
                return NULL;
            if (gsize > 0)
                goto slow;
        }
        PyObject *gp = c_runqget(pp, inherit);
        if (gp == NULL)
            return NULL;
        if (gp != Py_None)
            return gp;
        Py_DECREF(gp);
        if (gsize == -2) {
            gsize = globrunqsize(sched);
            if (gsize == -1 && PyErr_Occurred())
                return NULL;
        }
        if (gsize > 0)
            goto slow;   /* globrunqgetbatch */
        int slept = c_findRunnableSleep(sched, pp, pollUntil);
        if (slept < 0)
            return NULL;
        if (slept == 0)
            goto slow;
    }
slow:;
    PyObject *res = PyObject_CallNoArgs(py_findRunnable);
    if (res == NULL)
        return NULL;
    if (!PyTuple_CheckExact(res) || PyTuple_GET_SIZE(res) != 2) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_TypeError, "findRunnable must return (gp, inheritTime)");
        return NULL;
    }
    PyObject *g = PyTuple_GET_ITEM(res, 0);
    int it = PyObject_IsTrue(PyTuple_GET_ITEM(res, 1));
    if (it < 0) {
        Py_DECREF(res);
        return NULL;
    }
    *inherit = it;
    Py_INCREF(g);
    Py_DECREF(res);
    return g;
}

static PyObject *
findRunnable(PyObject *self, PyObject *unused)
{
    PyObject *mp = getm();
    if (mp == NULL)
        return NULL;
    if (!Py_IS_TYPE(mp, m_type)) {
        Py_DECREF(mp);
        return PyObject_CallNoArgs(py_findRunnable);
    }
    int inherit = 0;
    PyObject *gp = c_findRunnable(mp, &inherit);
    Py_DECREF(mp);
    if (gp == NULL)
        return NULL;
    return pair(gp, Py_NewRef(inherit ? Py_True : Py_False));
}

/* proc.go: schedule. g0's loop. */
static PyObject *
schedule(PyObject *self, PyObject *unused)
{
    PyObject *mp = getm();
    if (mp == NULL)
        return NULL;
    if (!Py_IS_TYPE(mp, m_type)) {
        Py_DECREF(mp);
        PyErr_SetString(PyExc_AttributeError, "schedule: not on an M");
        return NULL;
    }
    for (;;) {
        int inherit = 0;
        PyObject *gp = c_findRunnable(mp, &inherit);
        if (gp == NULL)
            goto fail;
        for (;;) {
            if (c_execute(mp, gp, inherit) < 0) {
                Py_DECREF(gp);
                goto fail;
            }
            /* Back on g0: the G parked, yielded or exited through mcall. */
            PyObject *fn = SLOT(mp, M[M_mcallfn]);
            Py_XINCREF(fn);
            slot_set(mp, M[M_mcallfn], Py_None);
            if (fn == NULL || fn == Py_None) {
                Py_XDECREF(fn);
                Py_DECREF(gp);
                call_throw("schedule: goroutine switched to g0 without mcall");
                goto fail;
            }
            PyObject *nxt = PyObject_CallOneArg(fn, gp);
            Py_DECREF(fn);
            Py_DECREF(gp);
            if (nxt == NULL)
                goto fail;
            PyObject *pan = dict_get(proc_dict, str_panicking);
            int done = global_true(proc_dict, str_mainDone);
            if (pan == NULL || done < 0) {
                Py_DECREF(nxt);
                goto fail;
            }
            if (pan != Py_None || done) {
                Py_DECREF(nxt);
                Py_DECREF(mp);
                Py_RETURN_NONE;
            }
            if (nxt == Py_None) {
                Py_DECREF(nxt);
                break;
            }
            gp = nxt;
            inherit = 1;
        }
    }
fail:
    Py_DECREF(mp);
    return NULL;
}

/* proc.go: injectglist. With a P: casgstatus every G, then its local ring
 * (the overflow to the global queue, through the reference). */
static PyObject *
injectglist(PyObject *self, PyObject *glist)
{
    if (!Py_IS_TYPE(glist, gl_type))
        return PyObject_CallOneArg(py_injectglist, glist);
    PyObject *head = SLOT(glist, GL[GL_head]);
    if (head == NULL || head == Py_None)
        Py_RETURN_NONE;
    PyObject *mp = getm();
    if (mp == NULL)
        return NULL;
    PyObject *pp = mp == Py_None ? Py_None : SLOT(mp, M[M_p]);
    if (pp == NULL || pp == Py_None || !Py_IS_TYPE(pp, p_type)) {
        Py_DECREF(mp);
        goto slow;
    }
    /* The common case: every G fits in the ring. */
    long long h = slot_ll(pp, P[P_runqhead]);
    long long t = slot_ll(pp, P[P_runqtail]);
    PyObject *runq = SLOT(pp, P[P_runq]);
    if (PyErr_Occurred()) {
        Py_DECREF(mp);
        return NULL;
    }
    long long n = 0;
    for (PyObject *gp = head; gp != Py_None; gp = SLOT(gp, G[G_schedlink]), n++) {
        if (gp == NULL || !Py_IS_TYPE(gp, g_type)) {
            Py_DECREF(mp);
            goto slow;   /* nothing changed yet */
        }
    }
    if (t - h + n > 256 || runq == NULL || !PyList_CheckExact(runq)
        || PyList_GET_SIZE(runq) != 256) {
        Py_DECREF(mp);
        goto slow;
    }
    /* As the reference: every G runnable first, then the list becomes a
     * queue that runqputbatch empties into the ring from its head. */
    for (PyObject *gp = head; gp != Py_None; gp = SLOT(gp, G[G_schedlink])) {
        if (c_casgstatus(gp, _Gwaiting, _Grunnable) < 0) {
            Py_DECREF(mp);
            return NULL;
        }
    }
    PyObject *gp = head;
    Py_INCREF(gp);
    slot_set(glist, GL[GL_head], Py_None);
    if (slot_set_ll(glist, GL[GL_size], 0) < 0) {
        Py_DECREF(gp);
        Py_DECREF(mp);
        return NULL;
    }
    while (gp != Py_None) {
        PyObject *next = SLOT(gp, G[G_schedlink]);
        Py_INCREF(next);
        slot_set(gp, G[G_schedlink], Py_None);
        PyObject **item = &PyList_GET_ITEM(runq, t & 255);
        PyObject *old = *item;
        *item = gp;
        Py_XDECREF(old);
        t++;
        gp = next;
    }
    Py_DECREF(gp); /* None */
    Py_DECREF(mp);
    if (slot_set_ll(pp, P[P_runqtail], t) < 0)
        return NULL;
    {
        PyObject *sched = dict_get(proc_dict, str_sched);
        if (sched == NULL)
            return NULL;
        long long npidle = sched_ll(sched, SC_npidle);
        if (npidle == -1 && PyErr_Occurred())
            return NULL;
        if (npidle != 0) {   /* wakep */
            PyObject *f = dict_get(proc_dict, str_wakep);
            PyObject *r = f ? PyObject_CallNoArgs(f) : NULL;
            if (r == NULL)
                return NULL;
            Py_DECREF(r);
        }
    }
    Py_RETURN_NONE;
slow:;
    return PyObject_CallOneArg(py_injectglist, glist);
}

/* ========================================================================
 * runtime/netpoll.go
 */

/* netpoll.go: netpollcheckerr. */
static inline int
c_netpollcheckerr(PyObject *pd, int mode, long long *info_out)
{
    long long info = slot_ll(pd, PD[PD_atomicInfo]);
    if (info == -1 && PyErr_Occurred())
        return -1;
    if (info_out)
        *info_out = info;
    if (info & pollClosing)
        return pollErrClosing;
    if ((mode == modeR && (info & pollExpiredReadDeadline))
        || (mode == modeW && (info & pollExpiredWriteDeadline)))
        return pollErrTimeout;
    if (mode == modeR && (info & pollEventErr))
        return pollErrNotPollable;
    return pollNoError;
}

static int
check_pd(PyObject *pd)
{
    if (!Py_IS_TYPE(pd, pd_type)) {
        PyErr_Format(PyExc_TypeError, "expected a netpoll.pollDesc, not %.100s",
                     Py_TYPE(pd)->tp_name);
        return -1;
    }
    return 0;
}

/* A mode argument ('r', 'w', 'r'+'w', or any int the reference would take). */
static int
arg_mode(PyObject *o, int *out)
{
    long mode = PyLong_AsLong(o);
    if (mode == -1 && PyErr_Occurred())
        return -1;
    *out = (int)mode;
    return 0;
}

static PyObject *
netpollcheckerr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || check_pd(args[0]) < 0)
        return nargs != 2 ? (PyErr_SetString(PyExc_TypeError, "netpollcheckerr(pd, mode)"), NULL)
                          : NULL;
    int mode;
    if (arg_mode(args[1], &mode) < 0)
        return NULL;
    int r = c_netpollcheckerr(args[0], mode, NULL);
    return r < 0 ? NULL : PyLong_FromLong(r);
}

static inline Py_ssize_t
gslot(int mode)
{
    return mode == modeR ? PD[PD_rg] : PD[PD_wg];
}

static inline long
pdstate(PyObject *v)
{
    /* pdNil/pdReady/pdWait, or 3 for a G (anything that is not an int). */
    if (v != NULL && PyLong_CheckExact(v))
        return PyLong_AsLong(v);
    return 3;
}


/* netpoll.go: netpollblockcommit. gopark's callback: pdWait -> gp, or resume. */
static PyObject *
netpollblockcommit(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyTuple_CheckExact(args[1]) || PyTuple_GET_SIZE(args[1]) != 2) {
        PyErr_SetString(PyExc_TypeError, "netpollblockcommit(gp, (pd, mode))");
        return NULL;
    }
    PyObject *gp = args[0], *pd = PyTuple_GET_ITEM(args[1], 0);
    if (check_pd(pd) < 0)
        return NULL;
    int mode;
    if (arg_mode(PyTuple_GET_ITEM(args[1], 1), &mode) < 0)
        return NULL;
    Py_ssize_t off = mode == modeR ? PD[PD_rg] : PD[PD_wg];
    if (pdstate(SLOT(pd, off)) != pdWait)
        Py_RETURN_FALSE;
    slot_set(pd, off, gp);
    /* Counted only once really parked; netpoll's delta takes it back. */
    if (global_add(netpoll_dict, str_netpollWaiters, 1) < 0)
        return NULL;
    PyObject *st = dict_get(netpoll_dict, str_stats);
    if (st == NULL)
        return NULL;
    if (Py_IS_TYPE(st, st_type)) {
        long long x = slot_ll(st, ST[ST_parked]);
        if ((x == -1 && PyErr_Occurred()) || slot_set_ll(st, ST[ST_parked], x + 1) < 0)
            return NULL;
    }
    Py_RETURN_TRUE;
}

/* netpoll.go: netpollblock. 1 if I/O is ready, 0 on timeout/close, -1. */
static int
c_netpollblock(PyObject *pd, int mode, int waitio)
{
    Py_ssize_t off = gslot(mode);
    long old = pdstate(SLOT(pd, off));
    if (old == pdReady) {
        slot_set(pd, off, small_int[pdNil]);
        return 1;
    }
    if (old != pdNil)
        return call_throw("runtime: double wait"), -1;
    slot_set(pd, off, small_int[pdWait]);
    int ce = c_netpollcheckerr(pd, mode, NULL);
    if (ce < 0)
        return -1;
    if (waitio || ce == pollNoError) {
        PyObject *arg = PyTuple_Pack(2, pd, mode == modeR ? int_modeR : int_modeW);
        if (arg == NULL)
            return -1;
        PyObject *argv[3] = {c_blockcommit_obj, arg, small_int[waitReasonIOWait]};
        PyObject *r = gopark(NULL, argv, 3);
        Py_DECREF(arg);
        if (r == NULL) {
            /* Unwound while parked (rt.run's teardown): leave no reference
             * to this G in the pollDesc (the reference's _forget). */
            PyObject *et, *ev, *tb;
            PyErr_Fetch(&et, &ev, &tb);
            PyObject *f = PyObject_CallFunction(py_forget, "Oi", pd, mode);
            if (f == NULL) {
                _PyErr_ChainExceptions(et, ev, tb);
                return -1;
            }
            Py_DECREF(f);
            PyErr_Restore(et, ev, tb);
            return -1;
        }
        Py_DECREF(r);
    }
    /* Woken (or never parked): take the state back to pdNil. */
    PyObject *o = SLOT(pd, off);
    Py_XINCREF(o);
    slot_set(pd, off, small_int[pdNil]);
    int overflow = 0;
    long ov = (o != NULL && PyLong_CheckExact(o)) ? PyLong_AsLongAndOverflow(o, &overflow) : 99;
    Py_XDECREF(o);
    if (ov == -1 && PyErr_Occurred())
        return -1;
    if (overflow > 0 || ov > pdWait)   /* the reference: not an int, or above pdWait */
        return call_throw("runtime: corrupted polldesc"), -1;
    return ov == pdReady;
}

static PyObject *
netpollblock(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "netpollblock(pd, mode, waitio)");
        return NULL;
    }
    if (check_pd(args[0]) < 0)
        return NULL;
    int mode;
    if (arg_mode(args[1], &mode) < 0)
        return NULL;
    int waitio = PyObject_IsTrue(args[2]);
    if (waitio < 0)
        return NULL;
    int r = c_netpollblock(args[0], mode, waitio);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

/* netpoll.go: netpollunblock. The parked G (new reference) or NULL with no
 * error; *delta updated. */
static PyObject *
c_netpollunblock(PyObject *pd, int mode, int ioready, long long *delta)
{
    Py_ssize_t off = gslot(mode);
    PyObject *old = SLOT(pd, off);
    long st = pdstate(old);
    if (st == pdReady)
        return NULL;
    if (st == pdNil && !ioready)
        return NULL; /* close and deadlines never latch readiness */
    Py_XINCREF(old);
    slot_set(pd, off, small_int[ioready ? pdReady : pdNil]);
    if (old != NULL && Py_IS_TYPE(old, g_type)) {
        *delta -= 1;
        return old;
    }
    Py_XDECREF(old); /* pdWait: the parking G sees the new state in blockcommit */
    return NULL;
}

static PyObject *
netpollunblock(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "netpollunblock(pd, mode, ioready, delta)");
        return NULL;
    }
    if (check_pd(args[0]) < 0)
        return NULL;
    int mode;
    if (arg_mode(args[1], &mode) < 0)
        return NULL;
    int ioready = PyObject_IsTrue(args[2]);
    if (ioready < 0)
        return NULL;
    long long delta = PyLong_AsLongLong(args[3]);
    if (delta == -1 && PyErr_Occurred())
        return NULL;
    PyObject *gp = c_netpollunblock(args[0], mode, ioready, &delta);
    return Py_BuildValue("(NL)", gp ? gp : Py_NewRef(Py_None), delta);
}

/* gList.push */
static inline void
glist_push(PyObject *l, PyObject *gp, long long *size)
{
    PyObject *head = SLOT(l, GL[GL_head]);
    slot_set(gp, G[G_schedlink], head ? head : Py_None);
    slot_set(l, GL[GL_head], gp);
    *size += 1;
}

/* netpoll.go: netpollready. Returns the delta; *readied counts pushed Gs. */
static long long
c_netpollready(PyObject *toRun, PyObject *pd, int mode, long long *size, long long *readied)
{
    long long delta = 0;
    PyObject *rg = NULL, *wg = NULL;
    if (mode == modeR || mode == modeRW)
        rg = c_netpollunblock(pd, modeR, 1, &delta);
    if (mode == modeW || mode == modeRW)
        wg = c_netpollunblock(pd, modeW, 1, &delta);
    if (rg != NULL) {
        glist_push(toRun, rg, size);
        *readied += 1;
        Py_DECREF(rg);
    }
    if (wg != NULL) {
        glist_push(toRun, wg, size);
        *readied += 1;
        Py_DECREF(wg);
    }
    return delta;
}

static int
stats_add(int field, long long n)
{
    if (n == 0)
        return 0;
    PyObject *st = dict_get(netpoll_dict, str_stats);
    if (st == NULL)
        return -1;
    if (!Py_IS_TYPE(st, st_type))
        return 0;
    long long x = slot_ll(st, ST[field]);
    if (x == -1 && PyErr_Occurred())
        return -1;
    return slot_set_ll(st, ST[field], x + n);
}

static PyObject *
netpollready(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3 || !Py_IS_TYPE(args[0], gl_type)) {
        PyErr_SetString(PyExc_TypeError, "netpollready(toRun: gList, pd, mode)");
        return NULL;
    }
    if (check_pd(args[1]) < 0)
        return NULL;
    int mode;
    if (arg_mode(args[2], &mode) < 0)
        return NULL;
    long long size = slot_ll(args[0], GL[GL_size]), readied = 0;
    if (PyErr_Occurred())
        return NULL;
    long long delta = c_netpollready(args[0], args[1], mode, &size, &readied);
    if (slot_set_ll(args[0], GL[GL_size], size) < 0 || stats_add(ST_readied, readied) < 0)
        return NULL;
    return PyLong_FromLongLong(delta);
}

/* netpoll.go: poll_runtime_pollReset. With a deadline armed for this
 * direction the reference runs (it runs the P's due timers first). */
static int
c_pollReset(PyObject *pd, int mode)
{
    int pr = global_true(proc_dict, str_preemptRequested);
    if (pr < 0)
        return -1;
    if (pr) { /* a safe point: proc.py, design rule 5 */
        PyObject *r = PyObject_CallNoArgs(py_newstack);
        if (r == NULL)
            return -1;
        Py_DECREF(r);
    }
    long long d = slot_ll(pd, mode == modeR ? PD[PD_rd] : PD[PD_wd]);
    if (d == -1 && PyErr_Occurred())
        return -1;
    if (d > 0) {
        /* A deadline is armed: run the P's due timers first (the reference's
         * Discussion says why). */
        PyObject *mp = getm();
        if (mp == NULL)
            return -1;
        PyObject *pp = mp != Py_None ? SLOT(mp, M[M_p]) : NULL;
        if (pp != NULL && pp != Py_None) {
            PyObject *ts = SLOT(pp, P[P_timers]);
            PyObject *r = ts ? PyObject_CallMethodOneArg(ts, str_check, small_int[0]) : NULL;
            if (r == NULL) {
                Py_DECREF(mp);
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_AttributeError, "rt._runtime: p.timers unset");
                return -1;
            }
            Py_DECREF(r);
        }
        Py_DECREF(mp);
    }
    int errcode = c_netpollcheckerr(pd, mode, NULL);
    if (errcode != pollNoError)
        return errcode;
    if (mode == modeR)
        slot_set(pd, PD[PD_rg], small_int[pdNil]);
    else if (mode == modeW)
        slot_set(pd, PD[PD_wg], small_int[pdNil]);
    return pollNoError;
}

static PyObject *
poll_runtime_pollReset(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "poll_runtime_pollReset(pd, mode)");
        return NULL;
    }
    if (check_pd(args[0]) < 0)
        return NULL;
    int mode;
    if (arg_mode(args[1], &mode) < 0)
        return NULL;
    int r = c_pollReset(args[0], mode);
    return r < 0 ? NULL : PyLong_FromLong(r);
}

/* netpoll.go: poll_runtime_pollWait. */
static int
c_pollWait(PyObject *pd, int mode)
{
    int errcode = c_netpollcheckerr(pd, mode, NULL);
    if (errcode != pollNoError)
        return errcode;
    for (;;) {
        int r = c_netpollblock(pd, mode, 0);
        if (r < 0)
            return -1;
        if (r)
            return pollNoError;
        errcode = c_netpollcheckerr(pd, mode, NULL);
        if (errcode != pollNoError)
            return errcode;
        /* The deadline was moved between the wake-up and now: wait again. */
    }
}

static PyObject *
poll_runtime_pollWait(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "poll_runtime_pollWait(pd, mode)");
        return NULL;
    }
    if (check_pd(args[0]) < 0)
        return NULL;
    int mode;
    if (arg_mode(args[1], &mode) < 0)
        return NULL;
    int r = c_pollWait(args[0], mode);
    return r < 0 ? NULL : PyLong_FromLong(r);
}

/* ========================================================================
 * runtime/netpoll_epoll.go
 */

#define NEVENTS 128
static struct epoll_event events[NEVENTS];

/* netpoll_epoll.go: netpoll. Returns (readied Gs, netpollWaiters delta). */
static PyObject *
netpoll(PyObject *self, PyObject *arg)
{
    long long delay = PyLong_AsLongLong(arg);
    if (delay == -1 && PyErr_Occurred())
        return NULL;
    /* gList(): its __init__ sets head = None, size = 0; so does this. */
    PyObject *toRun = gl_type->tp_alloc(gl_type, 0);
    if (toRun == NULL)
        return NULL;
    slot_set(toRun, GL[GL_head], Py_None);
    slot_set(toRun, GL[GL_size], small_int[0]);
    long long epfd = global_ll(epoll_dict, str_epfd);
    if (epfd == -1) {
        if (PyErr_Occurred())
            goto fail;
        return pair(toRun, PyLong_FromLong(0));
    }
    int waitms;
    if (delay < 0)
        waitms = -1;
    else if (delay == 0)
        waitms = 0;
    else if (delay < 1000000)
        waitms = 1; /* never round a real wait down to a busy poll */
    else if (delay < 1000000000000000LL)
        waitms = (int)(delay / 1000000);
    else
        waitms = 1000000000;
    if (stats_add(waitms == 0 ? ST_nonBlockingPolls : ST_blockingPolls, 1) < 0)
        goto fail;
    int n;
    for (;;) {
        int err = 0;
        Py_BEGIN_ALLOW_THREADS
        n = epoll_wait((int)epfd, events, NEVENTS, waitms);
        if (n < 0)
            err = errno;
        Py_END_ALLOW_THREADS
        if (n >= 0)
            break;
        if (err != EINTR) {
            char msg[120];
            snprintf(msg, sizeof msg,
                     "runtime: netpoll failed: epollwait on fd %lld failed with %d", epfd, err);
            call_throw(msg);
            goto fail;
        }
        /* A signal: run its Python handler now (it may ready a G); a timed
         * wait returns so the caller recomputes its sleep, as Go does. */
        if (PyErr_CheckSignals() < 0)
            goto fail;
        if (waitms > 0)
            return pair(toRun, PyLong_FromLong(0));
    }
    long long delta = 0;
    if (n == 0)
        return pair(toRun, PyLong_FromLong(0));
    if (stats_add(ST_events, n) < 0)
        goto fail;
    PyObject *pollcache = dict_get(netpoll_dict, str_pollcache);
    PyObject *pds = pollcache ? PyObject_GetAttr(pollcache, str_all) : NULL;
    if (pds == NULL)
        goto fail;
    if (!PyList_CheckExact(pds)) {
        Py_DECREF(pds);
        PyErr_SetString(PyExc_TypeError, "netpoll: pollcache.all is not a list");
        goto fail;
    }
    PyObject *mk = dict_get(epoll_dict, str_eventFdMarker);
    unsigned long long marker = mk ? PyLong_AsUnsignedLongLong(mk) : (unsigned long long)-1;
    if (PyErr_Occurred()) {
        Py_DECREF(pds);
        goto fail;
    }
    long long size = 0, readied = 0;
    for (int i = 0; i < n; i++) {
        uint32_t ev = events[i].events;
        uint64_t data = events[i].data.u64;
        if (ev == 0)
            continue;
        if (data == marker) {
            if (ev != EPOLLIN) {
                char msg[80];
                snprintf(msg, sizeof msg, "runtime: netpoll: eventfd ready for %u", ev);
                Py_DECREF(pds);
                call_throw(msg);
                goto fail;
            }
            if (delay != 0) {
                /* Only the blocking poller drains the eventfd. */
                long long efd = global_ll(epoll_dict, str_netpollEventFd);
                if (efd == -1 && PyErr_Occurred()) {
                    Py_DECREF(pds);
                    goto fail;
                }
                uint64_t one;
                ssize_t rr = read((int)efd, &one, sizeof one);
                (void)rr;
                PyObject *zero = small_int[0];
                if (PyDict_SetItem(epoll_dict, str_netpollWakeSig, zero) < 0) {
                    Py_DECREF(pds);
                    goto fail;
                }
            }
            continue;
        }
        int mode = 0;
        if (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
            mode += modeR;
        if (ev & (EPOLLOUT | EPOLLHUP | EPOLLERR))
            mode += modeW;
        if (mode == 0)
            continue;
        uint64_t slot = data >> tagBits;
        long long tag = (long long)(data & tagMask);
        if (slot >= (uint64_t)PyList_GET_SIZE(pds))
            continue;
        PyObject *pd = PyList_GET_ITEM(pds, slot);
        if (!Py_IS_TYPE(pd, pd_type))
            continue;
        long long fdseq = slot_ll(pd, PD[PD_fdseq]);
        if (fdseq == -1 && PyErr_Occurred()) {
            Py_DECREF(pds);
            goto fail;
        }
        if (fdseq != tag)
            continue; /* stale: the fd was closed and its pollDesc reused */
        /* pollDesc.setEventErr(ev == EPOLLERR, tag) */
        {
            int b = ev == EPOLLERR;
            long long x = slot_ll(pd, PD[PD_atomicInfo]);
            if (x == -1 && PyErr_Occurred()) {
                Py_DECREF(pds);
                goto fail;
            }
            long long xSeq = (x >> pollFDSeq) & pollFDSeqMask;
            if (!(tag != 0 && xSeq != (tag & pollFDSeqMask))
                && (((x & pollEventErr) != 0) != b)) {
                if (slot_set_ll(pd, PD[PD_atomicInfo], x ^ pollEventErr) < 0) {
                    Py_DECREF(pds);
                    goto fail;
                }
            }
        }
        delta += c_netpollready(toRun, pd, mode, &size, &readied);
    }
    Py_DECREF(pds);
    if (slot_set_ll(toRun, GL[GL_size], size) < 0 || stats_add(ST_readied, readied) < 0)
        goto fail;
    return pair(toRun, PyLong_FromLongLong(delta));
fail:
    Py_DECREF(toRun);
    return NULL;
}

/* ========================================================================
 * Binding: each Python module hands over its dictionary at its end.
 */

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
bind_time(PyObject *self, PyObject *d)
{
    if (take_type(d, "timers", &ts_type, ts_names, TS) < 0)
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
    if (take(d, "_tls", &tls) < 0 || take(d, "casgstatus", &py_casgstatus) < 0
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
        || take(d, "_forget", &py_forget) < 0)
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
 * internal/poll/fd_unix.go: FD.Read and FD.Write.
 *
 * The twins are method descriptors made for the Python class FD (bind_fd),
 * so ``fd.Read(p)`` calls them as it would the Python method. They take the
 * fdMutex's read or write lock and release it in place when nothing is
 * contended (the Python methods readLock/readUnlock otherwise), call the
 * runtime through poll_runtime_pollReset and poll_runtime_pollWait (Go's
 * linkname boundary, here a C call), and make read(2)/write(2) themselves.
 */

static PyObject *fd_cls;
static PyObject *py_writable, *py_readable,
    *py_convertErr, *py_errno_cache, *py_Panic, *py_eof, *py_unexpected_eof;
static PyObject *str_fdmu, *str_pd, *str_Sysfd, *str_isFile, *str_IsStream,
    *str_ZeroReadIsEOF, *str_readLock, *str_readUnlock, *str_writeLock,
    *str_writeUnlock;

static PyObject *
errno_obj(int e)
{
    PyObject *k = PyLong_FromLong(e);
    if (k == NULL)
        return NULL;
    PyObject *v = PyObject_GetItem(py_errno_cache, k);
    Py_DECREF(k);
    return v;
}

/* A bool field of the FD (the method descriptor guarantees fd is an FD). */
static int
fd_true(PyObject *fd, int field)
{
    PyObject *v = SLOT(fd, FDS[field]);
    if (v == NULL) {
        PyErr_SetString(PyExc_AttributeError, "rt._runtime: FD field unset");
        return -1;
    }
    return v == Py_True ? 1 : v == Py_False ? 0 : PyObject_IsTrue(v);
}

/* fd.fdmu (new reference). */
static PyObject *
fd_mu(PyObject *fd)
{
    PyObject *v = SLOT(fd, FDS[FD_fdmu]);
    if (v == NULL)
        PyErr_SetString(PyExc_AttributeError, "rt._runtime: FD.fdmu unset");
    return Py_XNewRef(v);
}

/* Lock: fast path in place, else the Python method. Returns the error
 * object (new ref), Py_None for success, NULL on exception. */
static PyObject *
fd_lock(PyObject *fd, PyObject *fdmu, int read)
{
    unsigned long long bit = read ? mutexRLock : mutexWLock;
    if (Py_IS_TYPE(fdmu, fm_type)) {
        PyObject *sv = SLOT(fdmu, FM[FM_state]);
        if (sv != NULL && PyLong_CheckExact(sv)) {
            unsigned long long st = PyLong_AsUnsignedLongLong(sv);
            if (PyErr_Occurred())
                return NULL;
            if (!(st & (mutexClosed | bit)) && (st & mutexRefMask) != mutexRefMask) {
                if (slot_set_ll(fdmu, FM[FM_state], (long long)(st + bit + mutexRef)) < 0)
                    return NULL;
                Py_RETURN_NONE;
            }
        }
    }
    return PyObject_CallMethodNoArgs(fd, read ? str_readLock : str_writeLock);
}

static int
fd_unlock(PyObject *fd, PyObject *fdmu, int read)
{
    unsigned long long bit = read ? mutexRLock : mutexWLock;
    unsigned long long waiters = read ? mutexRMask : mutexWMask;
    if (Py_IS_TYPE(fdmu, fm_type)) {
        PyObject *sv = SLOT(fdmu, FM[FM_state]);
        if (sv != NULL && PyLong_CheckExact(sv)) {
            unsigned long long st = PyLong_AsUnsignedLongLong(sv);
            if (PyErr_Occurred())
                return -1;
            if (!(st & (mutexClosed | waiters)) && (st & bit) && (st & mutexRefMask))
                return slot_set_ll(fdmu, FM[FM_state], (long long)(st - bit - mutexRef));
        }
    }
    PyObject *r = PyObject_CallMethodNoArgs(fd, read ? str_readUnlock : str_writeUnlock);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* The runtimeCtx of fd.pd (new ref; None when not registered). */
static PyObject *
fd_ctx(PyObject *fd)
{
    PyObject *pd = Py_XNewRef(SLOT(fd, FDS[FD_pd]));
    if (pd == NULL) {
        PyErr_SetString(PyExc_AttributeError, "rt._runtime: FD.pd unset");
        return NULL;
    }
    PyObject *ctx;
    if (Py_IS_TYPE(pd, ppd_type)) {
        ctx = SLOT(pd, PPD[PPD_runtimeCtx]);
        ctx = ctx ? ctx : Py_None;
        Py_INCREF(ctx);
    }
    else {
        ctx = PyObject_GetAttrString(pd, "runtimeCtx");
    }
    Py_DECREF(pd);
    if (ctx != NULL && ctx != Py_None && !Py_IS_TYPE(ctx, pd_type)) {
        Py_DECREF(ctx);
        PyErr_SetString(PyExc_TypeError, "FD.pd.runtimeCtx is not a netpoll.pollDesc");
        return NULL;
    }
    return ctx;
}

/* convertErr(res, fd.isFile) */
static PyObject *
fd_convert(PyObject *fd, int res)
{
    int isFile = fd_true(fd, FD_isFile);
    if (isFile < 0)
        return NULL;
    return PyObject_CallFunction(py_convertErr, "iO", res, isFile ? Py_True : Py_False);
}

/* One read(2) or write(2) of the Python twins' shape (rt/_sys_linux.c):
 * p exported only for the call, EINTR retried after Python's signal
 * handlers, the GIL released when the fd is in blocking mode (a
 * non-blocking socket cannot block; the reference releases it always).
 * Returns n >= 0, or -1 with *err set, or -2 with an exception. */
static Py_ssize_t
fd_syscall(PyObject *fd, PyObject *p, Py_ssize_t off, Py_ssize_t max, int writing, int *err)
{
    long long sysfd = slot_ll(fd, FDS[FD_Sysfd]);
    long long blocking = slot_ll(fd, FDS[FD_isBlocking]);
    if (PyErr_Occurred())
        return -2;
    Py_buffer view;
    if (PyObject_GetBuffer(p, &view, writing ? PyBUF_SIMPLE : PyBUF_WRITABLE) < 0) {
        if (!writing && (PyErr_ExceptionMatches(PyExc_BufferError)
                         || PyErr_ExceptionMatches(PyExc_TypeError))) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "read needs a writable buffer, not %.200s",
                         Py_TYPE(p)->tp_name);
        }
        return -2;
    }
    Py_ssize_t len = view.len - off;
    if (len > max)
        len = max;
    if (len < 0)
        len = 0;
    if (len > MAX_RW_COUNT)
        len = MAX_RW_COUNT;
    ssize_t n;
    for (;;) {
        int e = 0;
        if (blocking) {
            Py_BEGIN_ALLOW_THREADS
            n = writing ? write((int)sysfd, (char *)view.buf + off, (size_t)len)
                        : read((int)sysfd, view.buf, (size_t)len);
            if (n < 0)
                e = errno;
            Py_END_ALLOW_THREADS
        }
        else {
            n = writing ? write((int)sysfd, (char *)view.buf + off, (size_t)len)
                        : read((int)sysfd, view.buf, (size_t)len);
            if (n < 0)
                e = errno;
        }
        if (n < 0 && e == EINTR) {   /* ignoringEINTRIO */
            if (PyErr_CheckSignals() < 0) {
                PyBuffer_Release(&view);
                return -2;
            }
            continue;
        }
        *err = e;
        break;
    }
    PyBuffer_Release(&view);
    return n < 0 ? -1 : (Py_ssize_t)n;
}

/* The Python reference keeps an exception raised while it ran as the
 * context of one raised by its finally block; so do the twins. */
static void
chain_or_restore(int failed, PyObject *et, PyObject *ev, PyObject *tb)
{
    if (failed) {
        if (et != NULL)
            _PyErr_ChainExceptions(et, ev, tb);
    }
    else {
        PyErr_Restore(et, ev, tb);
    }
}

static PyObject *
fd_Read(PyObject *fd, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, "Read(p)");
        return NULL;
    }
    PyObject *p = args[0];
    if (Py_IS_TYPE(p, &PyByteArray_Type)
        || (PyMemoryView_Check(p) && !PyMemoryView_GET_BUFFER(p)->readonly))
        Py_INCREF(p);   /* what _writable would return */
    else if ((p = PyObject_CallOneArg(py_writable, p)) == NULL)
        return NULL;
    PyObject *result = NULL, *ctx = NULL;
    PyObject *fdmu = fd_mu(fd);
    if (fdmu == NULL) {
        Py_DECREF(p);
        return NULL;
    }
    PyObject *err = fd_lock(fd, fdmu, 1);
    if (err == NULL)
        goto out_nolock;
    if (err != Py_None) {
        result = pair(PyLong_FromLong(0), err);
        goto out_nolock;
    }
    Py_DECREF(err);
    Py_ssize_t plen = PyObject_Length(p);
    if (plen < 0)
        goto out;
    if (plen == 0) {   /* no syscall and no deadline check, as Go (issue 15735) */
        result = pair(PyLong_FromLong(0), Py_NewRef(Py_None));
        goto out;
    }
    ctx = fd_ctx(fd);
    if (ctx == NULL)
        goto out;
    if (ctx != Py_None) {   /* pd.prepareRead */
        int res = c_pollReset(ctx, modeR);
        if (res < 0)
            goto out;
        if (res != pollNoError) {
            result = pair(PyLong_FromLong(0), fd_convert(fd, res));
            goto out;
        }
    }
    int stream = fd_true(fd, FD_IsStream);
    if (stream < 0)
        goto out;
    for (;;) {
        int e = 0;
        Py_ssize_t n = fd_syscall(fd, p, 0, stream ? maxRW : PY_SSIZE_T_MAX, 0, &e);
        if (n == -2)
            goto out;
        if (n < 0) {
            if (e == EAGAIN && ctx != Py_None) {   /* pd.waitRead */
                int res = c_pollWait(ctx, modeR);
                if (res < 0)
                    goto out;
                if (res == pollNoError)
                    continue;
                result = pair(PyLong_FromLong(0), fd_convert(fd, res));
                goto out;
            }
            result = pair(PyLong_FromLong(0), errno_obj(e));
            goto out;
        }
        if (n == 0) {   /* eofError */
            int z = fd_true(fd, FD_ZeroReadIsEOF);
            if (z < 0)
                goto out;
            result = pair(PyLong_FromLong(0), Py_NewRef(z ? py_eof : Py_None));
            goto out;
        }
        result = pair(PyLong_FromSsize_t(n), Py_NewRef(Py_None));
        goto out;
    }
out:
    {
        /* defer fd.readUnlock() */
        PyObject *et, *ev, *tb;
        PyErr_Fetch(&et, &ev, &tb);
        int failed = fd_unlock(fd, fdmu, 1) < 0;
        if (failed)
            Py_CLEAR(result);
        chain_or_restore(failed, et, ev, tb);
    }
out_nolock:
    Py_XDECREF(ctx);
    Py_DECREF(fdmu);
    Py_DECREF(p);
    return result;
}

static PyObject *
fd_Write(PyObject *fd, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, "Write(p)");
        return NULL;
    }
    PyObject *p = args[0];
    if (Py_IS_TYPE(p, &PyBytes_Type) || Py_IS_TYPE(p, &PyByteArray_Type)
        || Py_IS_TYPE(p, &PyMemoryView_Type))
        Py_INCREF(p);
    else if ((p = PyObject_CallOneArg(py_readable, p)) == NULL)
        return NULL;
    PyObject *result = NULL, *ctx = NULL;
    PyObject *fdmu = fd_mu(fd);
    if (fdmu == NULL) {
        Py_DECREF(p);
        return NULL;
    }
    PyObject *err = fd_lock(fd, fdmu, 0);
    if (err == NULL)
        goto out_nolock;
    if (err != Py_None) {
        result = pair(PyLong_FromLong(0), err);
        goto out_nolock;
    }
    Py_DECREF(err);
    ctx = fd_ctx(fd);
    if (ctx == NULL)
        goto out;
    if (ctx != Py_None) {   /* pd.prepareWrite */
        int res = c_pollReset(ctx, modeW);
        if (res < 0)
            goto out;
        if (res != pollNoError) {
            result = pair(PyLong_FromLong(0), fd_convert(fd, res));
            goto out;
        }
    }
    int stream = fd_true(fd, FD_IsStream);
    if (stream < 0)
        goto out;
    /* len(p) in bytes (the reference: len(p), or p.nbytes for a memoryview) */
    Py_ssize_t total;
    if (PyMemoryView_Check(p)) {
        total = PyMemoryView_GET_BUFFER(p)->len;
    }
    else {
        total = PyObject_Length(p);
        if (total < 0)
            goto out;
    }
    Py_ssize_t nn = 0;
    for (;;) {
        Py_ssize_t max = total;
        if (stream && max - nn > maxRW)
            max = nn + maxRW;
        int e = 0;
        Py_ssize_t n = fd_syscall(fd, p, nn, max - nn, 1, &e);
        if (n == -2)
            goto out;
        if (n > 0) {
            if (n > max - nn) {
                PyErr_Format(py_Panic, "invalid return from write: got %zd from a write of %zd",
                             n, max - nn);
                goto out;
            }
            nn += n;
        }
        if (nn == total) {
            result = pair(PyLong_FromSsize_t(nn), e ? errno_obj(e) : Py_NewRef(Py_None));
            goto out;
        }
        if (e == EAGAIN && ctx != Py_None) {   /* pd.waitWrite */
            int res = c_pollWait(ctx, modeW);
            if (res < 0)
                goto out;
            if (res == pollNoError)
                continue;
            result = pair(PyLong_FromSsize_t(nn), fd_convert(fd, res));
            goto out;
        }
        if (e) {
            result = pair(PyLong_FromSsize_t(nn), errno_obj(e));
            goto out;
        }
        if (n == 0) {
            result = pair(PyLong_FromSsize_t(nn), Py_NewRef(py_unexpected_eof));
            goto out;
        }
    }
out:
    {
        PyObject *et, *ev, *tb;
        PyErr_Fetch(&et, &ev, &tb);
        int failed = fd_unlock(fd, fdmu, 0) < 0;
        if (failed)
            Py_CLEAR(result);
        chain_or_restore(failed, et, ev, tb);
    }
out_nolock:
    Py_XDECREF(ctx);
    Py_DECREF(fdmu);
    Py_DECREF(p);
    return result;
}

static PyMethodDef fd_Read_def = {"Read", (PyCFunction)(void (*)(void))fd_Read, METH_FASTCALL,
    "internal/poll/fd_unix.go: FD.Read (C twin of rt/poll/fd_unix.py's FD.Read)."};
static PyMethodDef fd_Write_def = {"Write", (PyCFunction)(void (*)(void))fd_Write,
    METH_FASTCALL,
    "internal/poll/fd_unix.go: FD.Write (C twin of rt/poll/fd_unix.py's FD.Write)."};

/* bind_fd(FD, namespace) -> {"Read": descriptor, "Write": descriptor} */
static PyObject *
bind_fd(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyType_Check(args[0]) || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "bind_fd(FD, namespace)");
        return NULL;
    }
    if (pd_type == NULL || proc_dict == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "rt._runtime: bind the runtime first");
        return NULL;
    }
    PyObject *d = args[1];
    Py_INCREF(args[0]);
    Py_XSETREF(fd_cls, args[0]);
    Py_INCREF(args[0]);
    fd_type = (PyTypeObject *)args[0];
    if (resolve(args[0], fd_names, FDS) < 0)
        return NULL;
    if (take_type(d, "fdMutex", &fm_type, fm_names, FM) < 0
        || take_type(d, "pollDesc", &ppd_type, ppd_names, PPD) < 0
        || take(d, "_writable", &py_writable) < 0 || take(d, "_readable", &py_readable) < 0
        || take(d, "convertErr", &py_convertErr) < 0 || take(d, "_errno_cache", &py_errno_cache) < 0
        || take(d, "Panic", &py_Panic) < 0 || take(d, "EOF", &py_eof) < 0
        || take(d, "ErrUnexpectedEOF", &py_unexpected_eof) < 0)
        return NULL;
    PyObject *r = PyDescr_NewMethod((PyTypeObject *)args[0], &fd_Read_def);
    PyObject *w = PyDescr_NewMethod((PyTypeObject *)args[0], &fd_Write_def);
    if (r == NULL || w == NULL) {
        Py_XDECREF(r);
        Py_XDECREF(w);
        return NULL;
    }
    return Py_BuildValue("{sNsN}", "Read", r, "Write", w);
}

/* ========================================================================
 * net/net.go: conn.Read and conn.Write, with net/fd_posix.go's netFD.Read
 * and netFD.Write folded in: the poll.FD twin above does the work; only an
 * error goes back to Python (wrapSyscallError, then OpError).
 */

static PyTypeObject *conn_type, *netfd_type;
static Py_ssize_t CONN_fd, NFD[4];
static const char *const nfd_names[] = {"pfd", "net", "laddr", "raddr", NULL};
enum { NFD_pfd, NFD_net, NFD_laddr, NFD_raddr };
static PyObject *py_conn_Read, *py_conn_Write, *py_EINVAL, *py_wrapSyscallError,
    *py_OpError, *py_readSyscallName, *py_writeSyscallName, *str_Op, *str_Net,
    *str_Source, *str_Addr, *str_Err, *str_read_op, *str_write_op;

/* The error path: OpError(Op, Net, Source, Addr, Err=wrapSyscallError(name, err)). */
static PyObject *
conn_error(PyObject *fd, PyObject *res, PyObject *op, PyObject *sysname)
{
    PyObject *n = Py_NewRef(PyTuple_GET_ITEM(res, 0));
    PyObject *err = PyTuple_GET_ITEM(res, 1);
    PyObject *werr = PyObject_CallFunctionObjArgs(py_wrapSyscallError, sysname, err, NULL);
    Py_DECREF(res);
    if (werr == NULL) {
        Py_DECREF(n);
        return NULL;
    }
    PyObject *kw = PyDict_New();
    PyObject *e = NULL;
    if (kw != NULL && PyDict_SetItem(kw, str_Op, op) == 0
        && PyDict_SetItem(kw, str_Net, SLOT(fd, NFD[NFD_net])) == 0
        && PyDict_SetItem(kw, str_Source, SLOT(fd, NFD[NFD_laddr])) == 0
        && PyDict_SetItem(kw, str_Addr, SLOT(fd, NFD[NFD_raddr])) == 0
        && PyDict_SetItem(kw, str_Err, werr) == 0) {
        PyObject *empty = PyTuple_New(0);
        if (empty != NULL) {
            e = PyObject_Call(py_OpError, empty, kw);
            Py_DECREF(empty);
        }
    }
    Py_XDECREF(kw);
    Py_DECREF(werr);
    return pair(n, e);
}

static PyObject *
conn_io(PyObject *c, PyObject *const *args, Py_ssize_t nargs, int read)
{
    PyObject *fd = SLOT(c, CONN_fd);
    if (fd == NULL || fd == Py_None)   /* !c.ok() */
        return pair(PyLong_FromLong(0), Py_NewRef(py_EINVAL));
    PyObject *pfd = Py_IS_TYPE(fd, netfd_type) ? SLOT(fd, NFD[NFD_pfd]) : NULL;
    if (pfd == NULL || !PyObject_TypeCheck(pfd, fd_type) || SLOT(fd, NFD[NFD_net]) == NULL
        || SLOT(fd, NFD[NFD_laddr]) == NULL || SLOT(fd, NFD[NFD_raddr]) == NULL) {
        /* Not the common shape: the reference. */
        PyObject *argv[2] = {c, nargs ? args[0] : NULL};
        return PyObject_Vectorcall(read ? py_conn_Read : py_conn_Write, argv, 1 + (nargs > 0),
                                   NULL);
    }
    Py_INCREF(fd);
    Py_INCREF(pfd);
    PyObject *res = read ? fd_Read(pfd, args, nargs) : fd_Write(pfd, args, nargs);
    Py_DECREF(pfd);
    if (res != NULL) {
        PyObject *err = PyTuple_GET_ITEM(res, 1);
        if (err != Py_None && !(read && err == py_eof))
            res = conn_error(fd, res, read ? str_read_op : str_write_op,
                             read ? py_readSyscallName : py_writeSyscallName);
    }
    Py_DECREF(fd);
    return res;
}

static PyObject *
conn_Read(PyObject *c, PyObject *const *args, Py_ssize_t nargs)
{
    return conn_io(c, args, nargs, 1);
}

static PyObject *
conn_Write(PyObject *c, PyObject *const *args, Py_ssize_t nargs)
{
    return conn_io(c, args, nargs, 0);
}

static PyMethodDef conn_Read_def = {"Read", (PyCFunction)(void (*)(void))conn_Read,
    METH_FASTCALL, "net/net.go: conn.Read (C twin of net/net.py's conn.Read)."};
static PyMethodDef conn_Write_def = {"Write", (PyCFunction)(void (*)(void))conn_Write,
    METH_FASTCALL, "net/net.go: conn.Write (C twin of net/net.py's conn.Write)."};

/* bind_conn(conn, namespace) -> {"Read": descriptor, "Write": descriptor} */
static PyObject *
bind_conn(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyType_Check(args[0]) || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "bind_conn(conn, namespace)");
        return NULL;
    }
    if (fd_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "rt._runtime: bind_fd first");
        return NULL;
    }
    PyObject *d = args[1];
    CONN_fd = member_offset(args[0], "fd");
    if (CONN_fd < 0)
        return NULL;
    PyObject *rd = PyObject_GetAttrString(args[0], "Read");
    PyObject *wr = PyObject_GetAttrString(args[0], "Write");
    if (rd == NULL || wr == NULL) {
        Py_XDECREF(rd);
        Py_XDECREF(wr);
        return NULL;
    }
    Py_XSETREF(py_conn_Read, rd);
    Py_XSETREF(py_conn_Write, wr);
    if (take_type(d, "netFD", &netfd_type, nfd_names, NFD) < 0
        || take(d, "EINVAL", &py_EINVAL) < 0 || take(d, "wrapSyscallError", &py_wrapSyscallError) < 0
        || take(d, "OpError", &py_OpError) < 0
        || take(d, "readSyscallName", &py_readSyscallName) < 0
        || take(d, "writeSyscallName", &py_writeSyscallName) < 0)
        return NULL;
    Py_INCREF(args[0]);
    conn_type = (PyTypeObject *)args[0];
    PyObject *r = PyDescr_NewMethod(conn_type, &conn_Read_def);
    PyObject *w = PyDescr_NewMethod(conn_type, &conn_Write_def);
    if (r == NULL || w == NULL) {
        Py_XDECREF(r);
        Py_XDECREF(w);
        return NULL;
    }
    return Py_BuildValue("{sNsN}", "Read", r, "Write", w);
}

/* ------------------------------------------------------------------------ */

static PyMethodDef methods[] = {
    {"bind_runtime2", bind_runtime2, METH_O, "Resolve runtime2.py's slot offsets."},
    {"setm", setm, METH_O, "proc.setm: bind an M to this thread (None unbinds)."},
    {"bind_time", bind_time, METH_O, "Resolve time.py's timers slot offsets."},
    {"bind_proc", bind_proc, METH_O, "Take proc.py's globals and reference functions."},
    {"bind_netpoll", bind_netpoll, METH_O, "Take netpoll.py's globals."},
    {"bind_netpoll_epoll", bind_netpoll_epoll, METH_O, "Take netpoll_epoll.py's globals."},
    {"bind_conn", (PyCFunction)(void (*)(void))bind_conn, METH_FASTCALL,
     "Make conn.Read/conn.Write method descriptors for net's conn class."},
    {"bind_fd", (PyCFunction)(void (*)(void))bind_fd, METH_FASTCALL,
     "Make FD.Read/FD.Write method descriptors for the Python class FD."},
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
    INTERN(str_m, "m"); INTERN(str_runq, "runq"); INTERN(str_size, "size");
    INTERN(str_lastpoll, "lastpoll"); INTERN(str_npidle, "npidle");
    INTERN(str_sysmonpoll, "sysmonpoll"); INTERN(str_unwinding, "unwinding");
    INTERN(str_preemptRequested, "preemptRequested"); INTERN(str_panicking, "_panicking");
    INTERN(str_mainDone, "_mainDone"); INTERN(str_sched, "sched");
    INTERN(str_netpollWaiters, "netpollWaiters"); INTERN(str_stats, "stats");
    INTERN(str_epfd, "epfd"); INTERN(str_netpollEventFd, "netpollEventFd");
    INTERN(str_netpollWakeSig, "netpollWakeSig"); INTERN(str_eventFdMarker, "_eventFdMarker");
    INTERN(str_pollcache, "pollcache"); INTERN(str_all, "all"); INTERN(str_lock, "lock");
    INTERN(str_enter, "__enter__"); INTERN(str_exit, "__exit__"); INTERN(str_gList, "gList");
    INTERN(str_runqputslow, "runqputslow"); INTERN(str_wakep, "wakep");
    INTERN(str_netpoller, "netpoller"); INTERN(str_acquire, "acquire");
    INTERN(str_release, "release"); INTERN(str_pollUntil, "pollUntil");
    INTERN(str_nGsyscall, "nGsyscall"); INTERN(str_sysmonwait, "sysmonwait");
    INTERN(str_sysmonwake, "sysmonwake"); INTERN(str_check, "check");
    INTERN(str_Op, "Op"); INTERN(str_Net, "Net"); INTERN(str_Source, "Source");
    INTERN(str_Addr, "Addr"); INTERN(str_Err, "Err"); INTERN(str_read_op, "read");
    INTERN(str_write_op, "write");
    INTERN(str_fdmu, "fdmu"); INTERN(str_pd, "pd"); INTERN(str_Sysfd, "Sysfd");
    INTERN(str_isFile, "isFile"); INTERN(str_IsStream, "IsStream");
    INTERN(str_ZeroReadIsEOF, "ZeroReadIsEOF"); INTERN(str_readLock, "readLock");
    INTERN(str_readUnlock, "readUnlock"); INTERN(str_writeLock, "writeLock");
    INTERN(str_writeUnlock, "writeUnlock");
    for (int i = 0; i < 3; i++)
        if ((small_int[i] = PyLong_FromLong(i)) == NULL)
            return NULL;
    if ((int_modeR = PyLong_FromLong(modeR)) == NULL || (int_modeW = PyLong_FromLong(modeW)) == NULL)
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
