/*
 * rt/_time.c: C twins of rt/time.py's timers.wakeTime and timers.check
 * (runtime/time.go, go1.27.0), in time.go's order.
 *
 * Part of rt/_runtime.c, which #includes it (one translation unit): the
 * field offsets (TS[...]) and helpers are defined there. The twin of check
 * takes its common path itself, nothing due yet: every I/O call on a
 * connection with a deadline armed checks the P's timers (rt/netpoll.py's
 * pollReset says why), and so does every findRunnable while a timer exists.
 * When something is due, or the heap needs cleaning, the Python check runs.
 */

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
