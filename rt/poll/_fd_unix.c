/*
 * rt/poll/_fd_unix.c: C twins of rt/poll/fd_unix.py's FD.Read,
 * FD.ReadFromInet4, FD.ReadFromInet6, FD.Write, FD.WriteToInet4 and
 * FD.WriteToInet6 (internal/poll/fd_unix.go, go1.27.0, with fd_mutex.go's
 * uncontended rwlock and rwunlock), in fd_unix.go's order.
 *
 * Part of rt/_runtime.c, which #includes it (one translation unit): the
 * field offsets (G[...], P[...], PD[...]), the helpers (slot_set, getm,
 * dict_get, ...) and the reference functions (py_*) are defined there. Each
 * twin's comment names its Go original; its Python twin has the same name.
 */

/* ========================================================================
 * internal/poll/fd_unix.go: FD.Read and FD.Write, and the datagram forms
 * FD.ReadFromInet4/6 and FD.WriteToInet4/6.
 *
 * The twins are method descriptors made for the Python class FD (bind_fd),
 * so ``fd.Read(p)`` calls them as it would the Python method. They take the
 * fdMutex's read or write lock and release it in place when nothing is
 * contended (the Python methods readLock/readUnlock otherwise), call the
 * runtime through poll_runtime_pollReset and poll_runtime_pollWait (Go's
 * linkname boundary, here a C call), and make read(2)/write(2), recvfrom(2)
 * and sendto(2) themselves, as rt/_sys_linux.c's twins of sys_linux make
 * them (the same buffer rules, the same sockaddr decoding and encoding),
 * except that they release the GIL only for an FD in blocking mode.
 */

static PyObject *py_writable, *py_readable,
    *py_convertErr, *py_errno_cache, *py_Panic, *py_eof, *py_unexpected_eof;
static PyObject *str_readLock, *str_readUnlock, *str_writeLock,
    *str_writeUnlock, *str_Addr, *str_Port, *str_ZoneId;
/* The datagram twins: sys_linux's SockaddrInet4/6 (whose __slots__ they
 * fill and read in place when the object is exactly one of them), its
 * encoders for address fields that are not plain ints and bytes, and the
 * Python methods a call off the common path (keywords, a wrong number of
 * arguments) goes to. */
static const char *const sa4_names[] = {"Port", "Addr", NULL};
enum { SA4_Port, SA4_Addr, SA4_N };
static const char *const sa6_names[] = {"Port", "ZoneId", "Addr", NULL};
enum { SA6_Port, SA6_ZoneId, SA6_Addr, SA6_N };
static Py_ssize_t SA4[SA4_N], SA6[SA6_N];
static PyTypeObject *sa4_type, *sa6_type;
static PyObject *py_sockaddr_inet4, *py_sockaddr_inet6, *py_FD_ReadFromInet4,
    *py_FD_ReadFromInet6, *py_FD_WriteToInet4, *py_FD_WriteToInet6, *py_FD_Read, *py_FD_Write;

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
            gonet_chain_exceptions(et, ev, tb);
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

/* A call the twin does not take itself (keyword arguments, a wrong count):
 * the Python method, with the same arguments. */
static PyObject *
fd_reference(PyObject *method, PyObject *fd, PyObject *const *args, Py_ssize_t nargs,
             PyObject *kwnames)
{
    Py_ssize_t total = nargs + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
    PyObject *small[8], **argv = small;
    if (total + 1 > 8 && (argv = PyMem_New(PyObject *, (size_t)total + 1)) == NULL)
        return PyErr_NoMemory();
    argv[0] = fd;
    for (Py_ssize_t i = 0; i < total; i++)
        argv[i + 1] = args[i];
    PyObject *r = PyObject_Vectorcall(method, argv, (size_t)nargs + 1, kwnames);
    if (argv != small)
        PyMem_Free(argv);
    return r;
}

/* syscall.RawSockaddrAny's size: the room recvfrom gives the kernel. */
#define SIZEOF_SOCKADDR_ANY 112

/* Set field `name` of a sockaddr object: in place when it is exactly
 * sys_linux's class (what `sa.Port = v` does on a __slots__ instance),
 * else through setattr. Steals v. 0, or -1. */
static int
fd_saSet(PyObject *sa, PyTypeObject *type, Py_ssize_t off, PyObject *name, PyObject *v)
{
    if (v == NULL)
        return -1;
    int r = 0;
    if (Py_IS_TYPE(sa, type))
        slot_set(sa, off, v);
    else
        r = PyObject_SetAttr(sa, name, v);
    Py_DECREF(v);
    return r;
}

/* internal/syscall/unix.RecvfromInet4/6: recvfrom(2) into p, the sender's
 * port and address (and scope id) written into from in that order, without
 * looking at the family (as Go). The sender is what sys_linux.recvfrom
 * reports: the address's first bytes, zeros after them, all zeros when the
 * kernel gave none (length 0 or AF_UNSPEC). Returns n >= 0, -1 with *err
 * (EINTR too, for the caller's loop), or -2 with an exception. */
static Py_ssize_t
fd_recvfromInet(PyObject *fd, PyObject *p, PyObject *from, int v6, int *err)
{
    long long sysfd = slot_ll(fd, FDS[FD_Sysfd]);
    long long blocking = slot_ll(fd, FDS[FD_isBlocking]);
    if (PyErr_Occurred())
        return -2;
    Py_buffer view;
    if (sysbuf_wbuf(p, &view) < 0)
        return -2;
    size_t len = view.len > MAX_RW_COUNT ? MAX_RW_COUNT : (size_t)view.len;
    void *buf = len ? view.buf : NULL;
    unsigned char rsa[SIZEOF_SOCKADDR_ANY];
    socklen_t salen = sizeof rsa;
    memset(rsa, 0, sizeof rsa);
    ssize_t n;
    int e = 0;
    if (blocking) {
        Py_BEGIN_ALLOW_THREADS
        n = recvfrom((int)sysfd, buf, len, 0, (struct sockaddr *)rsa, &salen);
        if (n < 0)
            e = errno;
        Py_END_ALLOW_THREADS
    }
    else {
        n = recvfrom((int)sysfd, buf, len, 0, (struct sockaddr *)rsa, &salen);
        if (n < 0)
            e = errno;
    }
    PyBuffer_Release(&view);
    if (n < 0) {
        *err = e;
        return -1;
    }
    sa_family_t family;
    memcpy(&family, rsa, sizeof family);
    size_t k = salen == 0 || family == AF_UNSPEC ? 0 : salen > sizeof rsa ? sizeof rsa : salen;
    memset(rsa + k, 0, sizeof rsa - k);
    PyTypeObject *type = v6 ? sa6_type : sa4_type;
    if (fd_saSet(from, type, v6 ? SA6[SA6_Port] : SA4[SA4_Port], str_Port,
                 PyLong_FromLong((rsa[2] << 8) | rsa[3])) < 0
        || fd_saSet(from, type, v6 ? SA6[SA6_Addr] : SA4[SA4_Addr], str_Addr,
                    PyBytes_FromStringAndSize((const char *)rsa + (v6 ? 8 : 4), v6 ? 16 : 4))
               < 0)
        return -2;
    if (v6) {
        uint32_t scope;
        memcpy(&scope, rsa + 24, sizeof scope);
        if (fd_saSet(from, type, SA6[SA6_ZoneId], str_ZoneId,
                     PyLong_FromUnsignedLong(scope)) < 0)
            return -2;
    }
    return (Py_ssize_t)n;
}

/* Field `name` of a sockaddr object (new reference): in place when it is
 * exactly sys_linux's class and the field is set, else getattr. */
static PyObject *
fd_saGet(PyObject *sa, PyTypeObject *type, Py_ssize_t off, PyObject *name)
{
    if (Py_IS_TYPE(sa, type) && SLOT(sa, off) != NULL)
        return Py_NewRef(SLOT(sa, off));
    return PyObject_GetAttr(sa, name);
}

typedef union {
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
    unsigned char raw[SIZEOF_SOCKADDR_ANY];
} fd_inetSockaddr;

/* syscall.(*SockaddrInet4).sockaddr and (*SockaddrInet6).sockaddr of
 * to.Addr, to.Port (and to.ZoneId), read in that order as
 * sys_linux.sendtoInet4/6 read them. Exact ints and bytes (or bytearray)
 * are encoded here; anything else goes to sys_linux.sockaddr_inet4/6, so
 * it fails (or works) as there. Returns the address's length, 0 with *err
 * (EINVAL: a port outside 0..65535, an address of the wrong length, a scope
 * id outside 32 bits), or -1 with an exception. */
static int
fd_sockaddrInet(PyObject *to, int v6, fd_inetSockaddr *sa, int *err)
{
    PyObject *addr = NULL, *port = NULL, *zone = NULL, *res = NULL;
    PyTypeObject *type = v6 ? sa6_type : sa4_type;
    int ret = -1;
    if ((addr = fd_saGet(to, type, v6 ? SA6[SA6_Addr] : SA4[SA4_Addr], str_Addr)) == NULL
        || (port = fd_saGet(to, type, v6 ? SA6[SA6_Port] : SA4[SA4_Port], str_Port)) == NULL
        || (v6 && (zone = fd_saGet(to, type, SA6[SA6_ZoneId], str_ZoneId)) == NULL))
        goto out;
    if (PyLong_CheckExact(port) && (!v6 || PyLong_CheckExact(zone))
        && (PyBytes_CheckExact(addr) || PyByteArray_CheckExact(addr))) {
        int ovf, zovf = 0;
        long pv = PyLong_AsLongAndOverflow(port, &ovf);
        long long zv = v6 ? PyLong_AsLongLongAndOverflow(zone, &zovf) : 0;
        if (PyErr_Occurred())
            goto out;
        int isBytes = PyBytes_CheckExact(addr);
        Py_ssize_t alen = isBytes ? PyBytes_GET_SIZE(addr) : PyByteArray_GET_SIZE(addr);
        const char *abuf = isBytes ? PyBytes_AS_STRING(addr) : PyByteArray_AS_STRING(addr);
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
    PyObject *raw = PyTuple_GET_ITEM(res, 0);
    if (e != 0 || PyBytes_GET_SIZE(raw) == 0) {
        *err = e != 0 ? (int)e : EINVAL;   /* an empty address, which cannot happen, as EINVAL */
        ret = 0;
        goto out;
    }
    memset(sa, 0, sizeof *sa);
    memcpy(sa->raw, PyBytes_AS_STRING(raw), (size_t)PyBytes_GET_SIZE(raw));
    ret = (int)PyBytes_GET_SIZE(raw);
out:
    Py_XDECREF(addr);
    Py_XDECREF(port);
    Py_XDECREF(zone);
    Py_XDECREF(res);
    return ret;
}

/* internal/syscall/unix.SendtoInet4/6: one datagram, p, to the address
 * in sa. The errno (0 when sent; EINVAL for an address that does not
 * encode; EINTR too, for the caller's loop), or -1 with an exception. */
static int
fd_sendtoInet(PyObject *fd, PyObject *p, PyObject *sa, int v6)
{
    fd_inetSockaddr to;
    int err = 0;
    int salen = fd_sockaddrInet(sa, v6, &to, &err);
    if (salen <= 0)
        return salen < 0 ? -1 : err;
    long long sysfd = slot_ll(fd, FDS[FD_Sysfd]);
    long long blocking = slot_ll(fd, FDS[FD_isBlocking]);
    if (PyErr_Occurred())
        return -1;
    sysbuf_send b;
    if (sysbuf_rbuf(p, &b) < 0)
        return -1;
    ssize_t n;
    int e = 0;
    if (blocking) {
        Py_BEGIN_ALLOW_THREADS
        n = sendto((int)sysfd, b.buf, b.len, 0, (struct sockaddr *)&to, (socklen_t)salen);
        if (n < 0)
            e = errno;
        Py_END_ALLOW_THREADS
    }
    else {
        n = sendto((int)sysfd, b.buf, b.len, 0, (struct sockaddr *)&to, (socklen_t)salen);
        if (n < 0)
            e = errno;
    }
    sysbuf_release(&b);
    return e;
}

static PyObject *
fd_Read(PyObject *fd, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, "Read(p)");
        return NULL;
    }
    int bc = fd_true(fd, FD_blockingCalls);
    if (bc < 0)
        return NULL;
    if (bc)   /* a read that may wait for ever goes to a spare M: the reference */
        return fd_reference(py_FD_Read, fd, args, nargs, NULL);
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

/* FD.ReadFromInet4 and FD.ReadFromInet6: Read's loop around recvfrom(2),
 * without its zero-length shortcut (an empty buffer still takes, and
 * drops, a datagram), EINTR retried here (after Python's signal handlers),
 * the sender written into from. */
static PyObject *
fd_readFromInet(PyObject *fd, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                int v6)
{
    if (nargs != 2 || kwnames != NULL)
        return fd_reference(v6 ? py_FD_ReadFromInet6 : py_FD_ReadFromInet4, fd, args, nargs,
                            kwnames);
    PyObject *p = args[0], *from = args[1];
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
    for (;;) {
        int e = 0;
        Py_ssize_t n = fd_recvfromInet(fd, p, from, v6, &e);
        if (n == -2)
            goto out;
        if (n < 0) {
            if (e == EINTR) {
                if (PyErr_CheckSignals() < 0)
                    goto out;
                continue;
            }
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
        if (n == 0) {   /* eofError: io.EOF only where ZeroReadIsEOF (not UDP) */
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
fd_ReadFromInet4(PyObject *fd, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return fd_readFromInet(fd, args, nargs, kwnames, 0);
}

static PyObject *
fd_ReadFromInet6(PyObject *fd, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return fd_readFromInet(fd, args, nargs, kwnames, 1);
}

static PyObject *
fd_Write(PyObject *fd, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, "Write(p)");
        return NULL;
    }
    int bc = fd_true(fd, FD_blockingCalls);
    if (bc < 0)
        return NULL;
    if (bc)   /* a write that may wait for ever goes to a spare M: the reference */
        return fd_reference(py_FD_Write, fd, args, nargs, NULL);
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

/* FD.WriteToInet4 and FD.WriteToInet6: one sendto(2), again after EINTR
 * (after Python's signal handlers) and after waiting while it would block;
 * the whole of p, its length in bytes, or nothing. */
static PyObject *
fd_writeToInet(PyObject *fd, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, int v6)
{
    if (nargs != 2 || kwnames != NULL)
        return fd_reference(v6 ? py_FD_WriteToInet6 : py_FD_WriteToInet4, fd, args, nargs,
                            kwnames);
    PyObject *p = args[0], *sa = args[1];
    if (Py_IS_TYPE(p, &PyBytes_Type) || Py_IS_TYPE(p, &PyByteArray_Type)
        || Py_IS_TYPE(p, &PyMemoryView_Type))
        Py_INCREF(p);   /* what _readable would return */
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
    for (;;) {
        int e = fd_sendtoInet(fd, p, sa, v6);
        if (e < 0)
            goto out;
        if (e == EINTR) {
            if (PyErr_CheckSignals() < 0)
                goto out;
            continue;
        }
        if (e == EAGAIN && ctx != Py_None) {   /* pd.waitWrite */
            int res = c_pollWait(ctx, modeW);
            if (res < 0)
                goto out;
            if (res == pollNoError)
                continue;
            result = pair(PyLong_FromLong(0), fd_convert(fd, res));
            goto out;
        }
        if (e) {
            result = pair(PyLong_FromLong(0), errno_obj(e));
            goto out;
        }
        /* len(p) in bytes, as the reference's _nbytes: p is bytes, bytearray
         * or a memoryview (whose items may be wider than a byte). */
        Py_ssize_t n = PyMemoryView_Check(p) ? PyMemoryView_GET_BUFFER(p)->len
                                             : PyObject_Length(p);
        if (n < 0)
            goto out;
        result = pair(PyLong_FromSsize_t(n), Py_NewRef(Py_None));
        goto out;
    }
out:
    result = fd_deferUnlock(fd, fdmu, 0, result);   /* defer fd.writeUnlock() */
out_nolock:
    Py_XDECREF(ctx);
    Py_DECREF(fdmu);
    Py_DECREF(p);
    return result;
}

static PyObject *
fd_WriteToInet4(PyObject *fd, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return fd_writeToInet(fd, args, nargs, kwnames, 0);
}

static PyObject *
fd_WriteToInet6(PyObject *fd, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return fd_writeToInet(fd, args, nargs, kwnames, 1);
}

static PyMethodDef fd_Read_def = {"Read", (PyCFunction)(void (*)(void))fd_Read, METH_FASTCALL,
    "internal/poll/fd_unix.go: FD.Read (C twin of rt/poll/fd_unix.py's FD.Read)."};
static PyMethodDef fd_ReadFromInet4_def = {"ReadFromInet4",
    (PyCFunction)(void (*)(void))fd_ReadFromInet4, METH_FASTCALL | METH_KEYWORDS,
    "internal/poll/fd_unix.go: FD.ReadFromInet4 (C twin of rt/poll/fd_unix.py's "
    "FD.ReadFromInet4)."};
static PyMethodDef fd_ReadFromInet6_def = {"ReadFromInet6",
    (PyCFunction)(void (*)(void))fd_ReadFromInet6, METH_FASTCALL | METH_KEYWORDS,
    "internal/poll/fd_unix.go: FD.ReadFromInet6 (C twin of rt/poll/fd_unix.py's "
    "FD.ReadFromInet6)."};
static PyMethodDef fd_Write_def = {"Write", (PyCFunction)(void (*)(void))fd_Write,
    METH_FASTCALL,
    "internal/poll/fd_unix.go: FD.Write (C twin of rt/poll/fd_unix.py's FD.Write)."};
static PyMethodDef fd_WriteToInet4_def = {"WriteToInet4",
    (PyCFunction)(void (*)(void))fd_WriteToInet4, METH_FASTCALL | METH_KEYWORDS,
    "internal/poll/fd_unix.go: FD.WriteToInet4 (C twin of rt/poll/fd_unix.py's "
    "FD.WriteToInet4)."};
static PyMethodDef fd_WriteToInet6_def = {"WriteToInet6",
    (PyCFunction)(void (*)(void))fd_WriteToInet6, METH_FASTCALL | METH_KEYWORDS,
    "internal/poll/fd_unix.go: FD.WriteToInet6 (C twin of rt/poll/fd_unix.py's "
    "FD.WriteToInet6)."};

/* A reference method from namespace["pyTwins"] (never a descriptor made
 * here, so a second bind cannot make a twin defer to itself). */
static int
take_pyTwin(PyObject *d, const char *name, PyObject **out)
{
    PyObject *twins = PyDict_GetItemString(d, "pyTwins");
    if (twins == NULL || !PyDict_Check(twins)) {
        PyErr_SetString(PyExc_NameError, "rt._runtime: pyTwins is not defined");
        return -1;
    }
    return take(twins, name, out);
}

/* bind_fd(FD, namespace) -> {"Read": descriptor, "ReadFromInet4": ..., ...} */
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
        || take_type(d, "SockaddrInet4", &sa4_type, sa4_names, SA4) < 0
        || take_type(d, "SockaddrInet6", &sa6_type, sa6_names, SA6) < 0
        || take(d, "_writable", &py_writable) < 0 || take(d, "_readable", &py_readable) < 0
        || take(d, "convertErr", &py_convertErr) < 0 || take(d, "_errno_cache", &py_errno_cache) < 0
        || take(d, "Panic", &py_Panic) < 0 || take(d, "EOF", &py_eof) < 0
        || take(d, "ErrUnexpectedEOF", &py_unexpected_eof) < 0
        || take(d, "sockaddr_inet4", &py_sockaddr_inet4) < 0
        || take(d, "sockaddr_inet6", &py_sockaddr_inet6) < 0
        || take_pyTwin(d, "Read", &py_FD_Read) < 0
        || take_pyTwin(d, "Write", &py_FD_Write) < 0
        || take_pyTwin(d, "ReadFromInet4", &py_FD_ReadFromInet4) < 0
        || take_pyTwin(d, "ReadFromInet6", &py_FD_ReadFromInet6) < 0
        || take_pyTwin(d, "WriteToInet4", &py_FD_WriteToInet4) < 0
        || take_pyTwin(d, "WriteToInet6", &py_FD_WriteToInet6) < 0)
        return NULL;
    PyMethodDef *defs[] = {&fd_Read_def, &fd_ReadFromInet4_def, &fd_ReadFromInet6_def,
                           &fd_Write_def, &fd_WriteToInet4_def, &fd_WriteToInet6_def};
    PyObject *out = PyDict_New();
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
        PyObject *m = PyDescr_NewMethod((PyTypeObject *)args[0], defs[i]);
        if (m == NULL || PyDict_SetItemString(out, defs[i]->ml_name, m) < 0) {
            Py_XDECREF(m);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(m);
    }
    return out;
}
