/*
 * rt/poll/_fd_poll_runtime.c: C twin of rt/poll/fd_poll_runtime.py's
 * setDeadlineImpl (internal/poll/fd_poll_runtime.go, go1.27.0).
 *
 * Part of rt/_runtime.c, which #includes it after rt/poll/_fd_unix.c (one
 * translation unit: fd_type, fd_mu and fd_ctx come from there). Every
 * SetDeadline, SetReadDeadline and SetWriteDeadline of an FD ends here; a
 * Go server that sets a deadline before each Read pays it per round trip.
 * The fdMutex reference is taken and dropped in place when uncontended, as
 * FD.Read's lock is; the deadline itself is the runtime's
 * poll_runtime_pollSetDeadline (rt/_netpoll.c).
 */

static PyObject *py_setDeadlineImpl, *py_ErrNoDeadline, *std_Time, *std_Until;
static PyObject *str_IsZero, *str_incref, *str_decref;

/* fd_mutex.go: FD.incref, the uncontended case in place. Returns Py_None,
 * the error the Python method returns, or NULL. */
static PyObject *
fd_incref(PyObject *fd, PyObject *fdmu)
{
    unsigned long long st = 0;
    int have = fdmu_state(fdmu, &st);
    if (have < 0)
        return NULL;
    if (have && !(st & mutexClosed) && (st & mutexRefMask) != mutexRefMask) {
        if (slot_set_ll(fdmu, FM[FM_state], (long long)(st + mutexRef)) < 0)
            return NULL;
        Py_RETURN_NONE;
    }
    return PyObject_CallMethodNoArgs(fd, str_incref);
}

/* fd_mutex.go: FD.decref, in place unless the reference is the last one of
 * a closed FD (then the Python method destroys it). 0, or -1. */
static int
fd_decref(PyObject *fd, PyObject *fdmu)
{
    unsigned long long st = 0;
    int have = fdmu_state(fdmu, &st);
    if (have < 0)
        return -1;
    unsigned long long nw = st - mutexRef;
    if (have && (st & mutexRefMask) && (nw & (mutexClosed | mutexRefMask)) != mutexClosed)
        return slot_set_ll(fdmu, FM[FM_state], (long long)nw);
    PyObject *r = PyObject_CallMethodNoArgs(fd, str_decref);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* fd_poll_runtime.go: setDeadlineImpl. t is a std.time.Time; the zero Time
 * means no deadline, and a deadline of exactly now becomes -1 (expired). */
static PyObject *
setDeadlineImpl(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "setDeadlineImpl(fd, t, mode)");
        return NULL;
    }
    PyObject *fd = args[0], *t = args[1];
    if (fd_type == NULL || !PyObject_TypeCheck(fd, fd_type))
        return PyObject_Vectorcall(py_setDeadlineImpl, args, 3, NULL);
    if (std_Time == NULL) {
        PyObject *m = PyImport_ImportModule("std.time");
        if (m == NULL)
            return NULL;
        std_Time = PyObject_GetAttrString(m, "Time");
        std_Until = PyObject_GetAttrString(m, "Until");
        Py_DECREF(m);
        if (std_Time == NULL || std_Until == NULL) {
            Py_CLEAR(std_Time);
            Py_CLEAR(std_Until);
            return NULL;
        }
    }
    int isTime = PyObject_IsInstance(t, std_Time);
    if (isTime < 0)
        return NULL;
    if (!isTime)   /* the reference raises Go's-shaped TypeError */
        return PyObject_Vectorcall(py_setDeadlineImpl, args, 3, NULL);
    long long d = 0;
    PyObject *z = PyObject_CallMethodNoArgs(t, str_IsZero);
    int zero = z ? PyObject_IsTrue(z) : -1;
    Py_XDECREF(z);
    if (zero < 0)
        return NULL;
    if (!zero) {
        PyObject *u = PyObject_CallOneArg(std_Until, t);
        if (u == NULL)
            return NULL;
        d = PyLong_AsLongLong(u);
        Py_DECREF(u);
        if (d == -1 && PyErr_Occurred())
            return NULL;
        if (d == 0)
            d = -1;
    }
    PyObject *fdmu = fd_mu(fd);
    if (fdmu == NULL)
        return NULL;
    PyObject *err = fd_incref(fd, fdmu);
    if (err == NULL || err != Py_None) {
        Py_DECREF(fdmu);
        return err;
    }
    Py_DECREF(err);
    PyObject *result = NULL;
    PyObject *ctx = fd_ctx(fd);
    if (ctx != NULL) {
        if (ctx == Py_None) {
            result = Py_NewRef(py_ErrNoDeadline);
        }
        else {
            PyObject *dl = PyLong_FromLongLong(d);
            if (dl != NULL) {
                PyObject *argv[3] = {ctx, dl, args[2]};
                PyObject *r = poll_runtime_pollSetDeadline(NULL, argv, 3);
                Py_DECREF(dl);
                if (r != NULL) {
                    Py_DECREF(r);
                    result = Py_NewRef(Py_None);
                }
            }
        }
        Py_DECREF(ctx);
    }
    /* finally: fd.decref() */
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    int failed = fd_decref(fd, fdmu) < 0;
    Py_DECREF(fdmu);
    if (failed)
        Py_CLEAR(result);
    chain_or_restore(failed, et, ev, tb);
    return result;
}
