/*
 * rt/_time.c: C twins of rt/time.py's timer.modify, timers.wakeTime and
 * timers.check (runtime/time.go, go1.27.0), in time.go's order.
 *
 * Part of rt/_runtime.c, which #includes it (one translation unit): the
 * field offsets (TM[...], TS[...]) and helpers are defined there. Each twin
 * takes the common path itself and leaves the rest to the Python method:
 * modify, a timer already in its P's heap moved to a new when (a deadline
 * reset before every Read); check, nothing due yet (every I/O call on a
 * connection with a deadline checks the P's timers, rt/netpoll.py's
 * pollReset says why, and so does every findRunnable while a timer exists).
 */

enum { timerHeaped = 1, timerModified = 2, timerZombie = 4 };   /* time.go */

static PyObject *py_timer_modify;   /* the reference timer.modify */

/* time.go: timer.modify. (Re)arm t; returns whether it was pending. */
static PyObject *
timer_modify(PyObject *t, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "modify(when, period, f, arg, seq)");
        return NULL;
    }
    int o1 = 0, o2 = 0;
    long long when = PyLong_AsLongLongAndOverflow(args[0], &o1);
    long long period = PyLong_AsLongLongAndOverflow(args[1], &o2);
    if (PyErr_Occurred())
        return NULL;
    PyObject *ts = Py_IS_TYPE(t, tm_type) ? SLOT(t, TM[TM_ts]) : NULL;
    long long state = ts ? slot_ll(t, TM[TM_state]) : 0;
    int isChan = ts ? PyObject_IsTrue(SLOT(t, TM[TM_isChan])) : 1;
    if (PyErr_Occurred())
        return NULL;
    if (o1 || o2 || when <= 0 || period < 0 || !(state & timerHeaped) || isChan
        || ts == NULL || !Py_IS_TYPE(ts, ts_type)) {
        /* throws, a timer to add to a heap, a channel timer: the reference */
        PyObject *argv[6] = {t, args[0], args[1], args[2], args[3], args[4]};
        return PyObject_Vectorcall(py_timer_modify, argv, 6, NULL);
    }
    Py_INCREF(ts);
    if (slot_set_ll(t, TM[TM_period], period) < 0)
        goto fail;
    if (args[2] != Py_None) {
        slot_set(t, TM[TM_f], args[2]);
        slot_set(t, TM[TM_arg], args[3]);
        slot_set(t, TM[TM_seq], args[4]);
    }
    long long old = slot_ll(t, TM[TM_when]);
    if ((old == -1 && PyErr_Occurred()) || slot_set_ll(t, TM[TM_when], when) < 0)
        goto fail;
    int pending = old > 0, wake = 0;
    state |= timerModified;
    if (state & timerZombie) {
        long long z = slot_ll(ts, TS[TS_zombies]);
        if ((z == -1 && PyErr_Occurred()) || slot_set_ll(ts, TS[TS_zombies], z - 1) < 0)
            goto fail;
        state &= ~(long long)timerZombie;
    }
    if (slot_set_ll(t, TM[TM_state], state) < 0)
        goto fail;
    long long mn = slot_ll(ts, TS[TS_minWhenModified]);
    if (mn == -1 && PyErr_Occurred())
        goto fail;
    if (mn == 0 || when < mn) {
        wake = 1;
        if (slot_set_ll(ts, TS[TS_minWhenModified], when) < 0)
            goto fail;
    }
    Py_DECREF(ts);
    /* needsAdd is false: the timer is in a heap. */
    if (wake) {
        PyObject *r = PyObject_CallFunction(py_wakeNetPoller, "L", when);
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
    }
    return PyBool_FromLong(pending);
fail:
    Py_DECREF(ts);
    return NULL;
}

static PyMethodDef timer_modify_def = {"modify", (PyCFunction)(void (*)(void))timer_modify,
    METH_FASTCALL, "runtime/time.go: timer.modify (C twin of rt/time.py's timer.modify)."};

/* time.go: timers.wakeTime. The earliest known when; 0 if no timers. */
static long long
c_wakeTime(PyObject *ts)
{
    long long a = slot_ll(ts, TS[TS_minWhenHeap]);
    long long b = slot_ll(ts, TS[TS_minWhenModified]);
    if (PyErr_Occurred())
        return -1;
    if (a == 0 || (b != 0 && b < a))
        return b;
    return a;
}

/* time.go: timers.check. Sets *now (0 stays 0 when there are no timers)
 * and *pollUntil; *ran when the reference ran a timer. 0, or -1 with an
 * error. */
static int
c_timersCheck(PyObject *ts, long long *now, long long *pollUntil, int *ran)
{
    *ran = 0;
    if (!Py_IS_TYPE(ts, ts_type))
        goto reference;
    long long nxt = c_wakeTime(ts);
    if (nxt == -1 && PyErr_Occurred())
        return -1;
    if (nxt == 0) {
        *pollUntil = 0;
        return 0;
    }
    if (*now == 0)
        *now = nanotime();
    PyObject *heap = SLOT(ts, TS[TS_heap]);
    long long zombies = slot_ll(ts, TS[TS_zombies]);
    if (zombies == -1 && PyErr_Occurred())
        return -1;
    if (heap == NULL || !PyList_CheckExact(heap))
        goto reference;
    int force = zombies > PyList_GET_SIZE(heap) / 4;
    if (*now < nxt && !force) {
        *pollUntil = nxt;
        return 0;
    }
reference:;
    PyObject *n = PyLong_FromLongLong(*now);
    PyObject *r = n ? PyObject_CallFunctionObjArgs(py_timers_check, ts, n, NULL) : NULL;
    Py_XDECREF(n);
    if (r == NULL)
        return -1;
    if (!PyTuple_Check(r) || PyTuple_GET_SIZE(r) != 3) {
        Py_DECREF(r);
        PyErr_SetString(PyExc_TypeError, "timers.check must return (now, when, ran)");
        return -1;
    }
    *now = PyLong_AsLongLong(PyTuple_GET_ITEM(r, 0));
    *pollUntil = PyLong_AsLongLong(PyTuple_GET_ITEM(r, 1));
    *ran = PyObject_IsTrue(PyTuple_GET_ITEM(r, 2));
    Py_DECREF(r);
    return PyErr_Occurred() || *ran < 0 ? -1 : 0;
}

static PyObject *
timers_check(PyObject *ts, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, "check(now)");
        return NULL;
    }
    long long now = PyLong_AsLongLong(args[0]);
    if (now == -1 && PyErr_Occurred())
        return NULL;
    long long pollUntil = 0;
    int ran = 0;
    if (c_timersCheck(ts, &now, &pollUntil, &ran) < 0)
        return NULL;
    PyObject *t = PyTuple_New(3);
    if (t == NULL)
        return NULL;
    PyObject *a = PyLong_FromLongLong(now), *b = PyLong_FromLongLong(pollUntil);
    if (a == NULL || b == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        Py_DECREF(t);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, a);
    PyTuple_SET_ITEM(t, 1, b);
    PyTuple_SET_ITEM(t, 2, Py_NewRef(ran ? Py_True : Py_False));
    return t;
}

static PyMethodDef timers_check_def = {"check", (PyCFunction)(void (*)(void))timers_check,
    METH_FASTCALL, "runtime/time.go: timers.check (C twin of rt/time.py's timers.check)."};
