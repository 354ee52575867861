/*
 * rt/poll/_fd_unix.c: C twins of rt/poll/fd_unix.py's FD.Read and FD.Write
 * (internal/poll/fd_unix.go, go1.27.0, with fd_mutex.go's uncontended
 * rwlock and rwunlock), in fd_unix.go's order.
 *
 * Part of rt/_runtime.c, which #includes it (one translation unit): the
 * field offsets (G[...], P[...], PD[...]), the helpers (slot_set, getm,
 * dict_get, ...) and the reference functions (py_*) are defined there. Each
 * twin's comment names its Go original; its Python twin has the same name.
 */

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

static PyObject *py_writable, *py_readable,
    *py_convertErr, *py_errno_cache, *py_Panic, *py_eof, *py_unexpected_eof;
static PyObject *str_readLock, *str_readUnlock, *str_writeLock,
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

/* fdMutex.state, for the in-place fast paths: 1 with *st set when fdmu is
 * the runtime's fdMutex holding a plain int, 0 when the Python method must
 * decide, -1 on error. */
static int
fdmu_state(PyObject *fdmu, unsigned long long *st)
{
    if (!Py_IS_TYPE(fdmu, fm_type))
        return 0;
    PyObject *sv = SLOT(fdmu, FM[FM_state]);
    if (sv == NULL || !PyLong_CheckExact(sv))
        return 0;
    *st = PyLong_AsUnsignedLongLong(sv);
    return PyErr_Occurred() ? -1 : 1;
}

/* fd_mutex.go: FD.readLock/writeLock, uncontended in place, else the Python
 * method. Returns Py_None, the error the method returns, or NULL. */
static PyObject *
fd_lock(PyObject *fd, PyObject *fdmu, int read)
{
    unsigned long long bit = read ? mutexRLock : mutexWLock, st = 0;
    int have = fdmu_state(fdmu, &st);
    if (have < 0)
        return NULL;
    if (have && !(st & (mutexClosed | bit)) && (st & mutexRefMask) != mutexRefMask) {
        if (slot_set_ll(fdmu, FM[FM_state], (long long)(st + bit + mutexRef)) < 0)
            return NULL;
        Py_RETURN_NONE;
    }
    return PyObject_CallMethodNoArgs(fd, read ? str_readLock : str_writeLock);
}

/* fd_mutex.go: FD.readUnlock/writeUnlock, in place unless there are waiters
 * to wake or the FD is closing. 0, or -1. */
static int
fd_unlock(PyObject *fd, PyObject *fdmu, int read)
{
    unsigned long long bit = read ? mutexRLock : mutexWLock, st = 0;
    unsigned long long waiters = read ? mutexRMask : mutexWMask;
    int have = fdmu_state(fdmu, &st);
    if (have < 0)
        return -1;
    if (have && !(st & (mutexClosed | waiters)) && (st & bit) && (st & mutexRefMask))
        return slot_set_ll(fdmu, FM[FM_state], (long long)(st - bit - mutexRef));
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

/* The deferred readUnlock or writeUnlock: returns result, or NULL when the
 * unlock raised (then chained to any exception the body raised, which is
 * otherwise kept as it was). */
static PyObject *
fd_deferUnlock(PyObject *fd, PyObject *fdmu, int read, PyObject *result)
{
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    int failed = fd_unlock(fd, fdmu, read) < 0;
    if (failed)
        Py_CLEAR(result);
    chain_or_restore(failed, et, ev, tb);
    return result;
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
    result = fd_deferUnlock(fd, fdmu, 1, result);   /* defer fd.readUnlock() */
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
    result = fd_deferUnlock(fd, fdmu, 0, result);   /* defer fd.writeUnlock() */
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
