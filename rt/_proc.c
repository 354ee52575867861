/*
 * rt/_proc.c: C twins of rt/proc.py (runtime/proc.go, go1.27.0), in proc.go's order.
 *
 * Part of rt/_runtime.c, which #includes it (one translation unit): the
 * field offsets (G[...], P[...], PD[...]), the helpers (slot_set, getm,
 * dict_get, ...) and the reference functions (py_*) are defined there. Each
 * twin's comment names its Go original; its Python twin has the same name.
 */

static int c_ready(PyObject *gp, int next);
static int c_casgstatus(PyObject *gp, long oldval, long newval);
static int c_runqput(PyObject *pp, PyObject *gp, int next);
static PyObject *c_runqget(PyObject *pp, int *inherit);
static int c_dropg(PyObject *mp);

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

/* proc.go: goready. */
static PyObject *
goready(PyObject *self, PyObject *gp)
{
    if (c_ready(gp, 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* proc.go: wakep. With one P there is never an idle P to start an M for
 * (sched.npidle == 0), and wakep returns at once; otherwise the reference. */
static int
c_wakep(PyObject *sched)
{
    long long npidle = sched_ll(sched, SC_npidle);
    if (npidle == -1 && PyErr_Occurred())
        return -1;
    if (npidle == 0)
        return 0;
    PyObject *f = dict_get(proc_dict, str_wakep);
    PyObject *r = f ? PyObject_CallNoArgs(f) : NULL;
    if (r == NULL)
        return -1;
    Py_DECREF(r);
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
    r = c_wakep(sched);
    long long lastpoll = r < 0 ? 0 : sched_ll(sched, SC_lastpoll);
    Py_DECREF(sched);
    if (r < 0 || (lastpoll == -1 && PyErr_Occurred()))
        return -1;
    if (lastpoll == 0) {
        /* This M sleeps in the poller (a signal handler readied gp): break
         * the sleep (the reference's ready says why). */
        PyObject *w = PyObject_CallFunction(py_wakeNetPoller, "i", 0);
        if (w == NULL)
            return -1;
        Py_DECREF(w);
    }
    return 0;
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

/* sched.runq.size, or -1 with an error. */
static long long
globrunqsize(PyObject *sched)
{
    PyObject *runq = sched_get(sched, SC_runq);
    if (runq == NULL)
        return -1;
    long long size = Py_IS_TYPE(runq, gq_type) ? slot_ll(runq, GQ[GQ_size])
                                               : attr_ll(runq, str_size);
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
    if (sched_set_ll(sched, SC_pollUntil, 0) < 0
        || sched_set_ll(sched, SC_lastpoll, nanotime()) < 0)
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
        /* timers.check(0): run what is due (it may ready Gs); the next when */
        long long now = 0, pollUntil = 0;
        int ran = 0;
        if (c_timersCheck(ts, &now, &pollUntil, &ran) < 0)
            return NULL;
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
    PyObject *sched = dict_get(proc_dict, str_sched);
    if (sched == NULL || c_wakep(sched) < 0)
        return NULL;
    Py_RETURN_NONE;
slow:;
    return PyObject_CallOneArg(py_injectglist, glist);
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
