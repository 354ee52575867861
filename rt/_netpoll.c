/*
 * rt/_netpoll.c: C twins of rt/netpoll.py (runtime/netpoll.go, go1.27.0), in netpoll.go's order.
 *
 * Part of rt/_runtime.c, which #includes it (one translation unit): the
 * field offsets (G[...], P[...], PD[...]), the helpers (slot_set, getm,
 * dict_get, ...) and the reference functions (py_*) are defined there. Each
 * twin's comment names its Go original; its Python twin has the same name.
 */

static int c_netpollcheckerr(PyObject *pd, int mode, long long *info_out);
static int c_netpollblock(PyObject *pd, int mode, int waitio);
static PyObject *c_netpollunblock(PyObject *pd, int mode, int ioready, long long *delta);

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

/* The Python-facing twins' first two arguments: (pd, mode, ...). */
static int
pd_mode_args(PyObject *const *args, Py_ssize_t nargs, Py_ssize_t want, const char *usage,
             int *mode)
{
    if (nargs != want) {
        PyErr_Format(PyExc_TypeError, "%s", usage);
        return -1;
    }
    if (check_pd(args[0]) < 0)
        return -1;
    return arg_mode(args[1], mode);
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

/* gList.push */
static inline void
glist_push(PyObject *l, PyObject *gp, long long *size)
{
    PyObject *head = SLOT(l, GL[GL_head]);
    slot_set(gp, G[G_schedlink], head ? head : Py_None);
    slot_set(l, GL[GL_head], gp);
    *size += 1;
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
            long long now = 0, pollUntil = 0;
            int ran = 0;
            if (ts == NULL || c_timersCheck(ts, &now, &pollUntil, &ran) < 0) {
                Py_DECREF(mp);
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_AttributeError, "rt._runtime: p.timers unset");
                return -1;
            }
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
    int mode;
    if (pd_mode_args(args, nargs, 2, "poll_runtime_pollReset(pd, mode)", &mode) < 0)
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
    int mode;
    if (pd_mode_args(args, nargs, 2, "poll_runtime_pollWait(pd, mode)", &mode) < 0)
        return NULL;
    int r = c_pollWait(args[0], mode);
    return r < 0 ? NULL : PyLong_FromLong(r);
}

/* netpoll.go: pollDesc.publishInfo. Recompute the summary word (its fdseq
 * part in Go's 32-bit arithmetic, as the reference). */
static int
c_publishInfo(PyObject *pd)
{
    int closing = PyObject_IsTrue(SLOT(pd, PD[PD_closing]));
    long long rd = slot_ll(pd, PD[PD_rd]), wd = slot_ll(pd, PD[PD_wd]);
    long long fdseq = slot_ll(pd, PD[PD_fdseq]), old = slot_ll(pd, PD[PD_atomicInfo]);
    if (closing < 0 || PyErr_Occurred())
        return -1;
    long long info = 0;
    if (closing)
        info |= pollClosing;
    if (rd < 0)
        info |= pollExpiredReadDeadline;
    if (wd < 0)
        info |= pollExpiredWriteDeadline;
    info |= ((fdseq & pollFDSeqMask) << pollFDSeq) & 0xFFFFFFFFLL;
    return slot_set_ll(pd, PD[PD_atomicInfo], info | (old & pollEventErr));
}

/* timer.modify(when, 0, f, pd, seq) or timer.stop() on pd's rt or wt. */
static int
deadline_timer(PyObject *pd, int field, long long when, PyObject *f, int seqfield)
{
    PyObject *t = SLOT(pd, PD[field]);
    if (t == NULL) {
        PyErr_SetString(PyExc_AttributeError, "rt._runtime: pollDesc timer unset");
        return -1;
    }
    PyObject *r;
    if (when > 0) {
        PyObject *w = PyLong_FromLongLong(when);
        if (w == NULL)
            return -1;
        PyObject *argv[6] = {t, w, small_int[0], f, pd, SLOT(pd, PD[seqfield])};
        r = PyObject_VectorcallMethod(str_modify, argv, 6 | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                      NULL);
        Py_DECREF(w);
    }
    else {
        r = PyObject_CallMethodNoArgs(t, str_stop);
    }
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* netpoll.go: poll_runtime_pollSetDeadline. d is relative (ns); < 0 means
 * already expired, 0 no deadline. */
static PyObject *
poll_runtime_pollSetDeadline(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "poll_runtime_pollSetDeadline(pd, d, mode)");
        return NULL;
    }
    PyObject *pd = args[0];
    if (check_pd(pd) < 0)
        return NULL;
    int mode;
    if (arg_mode(args[2], &mode) < 0)
        return NULL;
    int overflow = 0;
    long long d = PyLong_AsLongLongAndOverflow(args[1], &overflow);
    if (d == -1 && PyErr_Occurred())
        return NULL;
    if (overflow)   /* beyond int64: the reference's arithmetic */
        return PyObject_Vectorcall(py_pollSetDeadline, args, 3, NULL);
    int closing = PyObject_IsTrue(SLOT(pd, PD[PD_closing]));
    if (closing < 0)
        return NULL;
    if (closing)
        Py_RETURN_NONE;
    long long rd0 = slot_ll(pd, PD[PD_rd]), wd0 = slot_ll(pd, PD[PD_wd]);
    if (PyErr_Occurred())
        return NULL;
    int combo0 = rd0 > 0 && rd0 == wd0;
    if (d > 0) {
        long long now = nanotime();
        d = d > LLONG_MAX - now ? LLONG_MAX : d + now;
    }
    if ((mode == modeR || mode == modeRW) && slot_set_ll(pd, PD[PD_rd], d) < 0)
        return NULL;
    if ((mode == modeW || mode == modeRW) && slot_set_ll(pd, PD[PD_wd], d) < 0)
        return NULL;
    if (c_publishInfo(pd) < 0)
        return NULL;
    long long rd = slot_ll(pd, PD[PD_rd]), wd = slot_ll(pd, PD[PD_wd]);
    int rrun = PyObject_IsTrue(SLOT(pd, PD[PD_rrun]));
    int wrun = PyObject_IsTrue(SLOT(pd, PD[PD_wrun]));
    if (PyErr_Occurred() || rrun < 0 || wrun < 0)
        return NULL;
    int combo = rd > 0 && rd == wd;
    PyObject *rtf = combo ? py_netpollDeadline : py_netpollReadDeadline;
    if (!rrun) {
        if (rd > 0) {
            if (deadline_timer(pd, PD_rt, rd, rtf, PD_rseq) < 0)
                return NULL;
            slot_set(pd, PD[PD_rrun], Py_True);
        }
    }
    else if (rd != rd0 || combo != combo0) {
        /* invalidate a firing already in flight */
        long long seq = slot_ll(pd, PD[PD_rseq]);
        if ((seq == -1 && PyErr_Occurred()) || slot_set_ll(pd, PD[PD_rseq], seq + 1) < 0)
            return NULL;
        if (deadline_timer(pd, PD_rt, rd, rtf, PD_rseq) < 0)
            return NULL;
        if (rd <= 0)
            slot_set(pd, PD[PD_rrun], Py_False);
    }
    if (!wrun) {
        if (wd > 0 && !combo) {
            if (deadline_timer(pd, PD_wt, wd, py_netpollWriteDeadline, PD_wseq) < 0)
                return NULL;
            slot_set(pd, PD[PD_wrun], Py_True);
        }
    }
    else if (wd != wd0 || combo != combo0) {
        long long seq = slot_ll(pd, PD[PD_wseq]);
        if ((seq == -1 && PyErr_Occurred()) || slot_set_ll(pd, PD[PD_wseq], seq + 1) < 0)
            return NULL;
        if (deadline_timer(pd, PD_wt, wd > 0 && !combo ? wd : 0, py_netpollWriteDeadline,
                           PD_wseq) < 0)
            return NULL;
        if (!(wd > 0 && !combo))
            slot_set(pd, PD[PD_wrun], Py_False);
    }
    /* A deadline in the past wakes the waiter now. */
    long long delta = 0;
    PyObject *rg = NULL, *wg = NULL;
    if (rd < 0)
        rg = c_netpollunblock(pd, modeR, 0, &delta);
    if (wd < 0)
        wg = c_netpollunblock(pd, modeW, 0, &delta);
    int err = 0;
    PyObject *gs[2] = {rg, wg};
    for (int i = 0; i < 2; i++) {
        if (gs[i] == NULL)
            continue;
        /* netpollgoready */
        if (!err && (stats_add(ST_readied, 1) < 0 || c_ready(gs[i], 1) < 0))
            err = 1;
        Py_DECREF(gs[i]);
    }
    if (err || (delta != 0 && global_add(netpoll_dict, str_netpollWaiters, delta) < 0))
        return NULL;
    Py_RETURN_NONE;
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

static PyObject *
netpollcheckerr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int mode;
    if (pd_mode_args(args, nargs, 2, "netpollcheckerr(pd, mode)", &mode) < 0)
        return NULL;
    int r = c_netpollcheckerr(args[0], mode, NULL);
    return r < 0 ? NULL : PyLong_FromLong(r);
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
                gonet_chain_exceptions(et, ev, tb);
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
    int mode;
    if (pd_mode_args(args, nargs, 3, "netpollblock(pd, mode, waitio)", &mode) < 0)
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
    int mode;
    if (pd_mode_args(args, nargs, 4, "netpollunblock(pd, mode, ioready, delta)", &mode) < 0)
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
