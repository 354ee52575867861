/*
 * net/_net.c: C twins of net/net.py's conn.Read and conn.Write (net/net.go,
 * go1.27.0), in net.go's order.
 *
 * Part of rt/_runtime.c, which #includes it (one translation unit): the
 * field offsets (G[...], P[...], PD[...]), the helpers (slot_set, getm,
 * dict_get, ...) and the reference functions (py_*) are defined there. Each
 * twin's comment names its Go original; its Python twin has the same name.
 */

/* ========================================================================
 * net/net.go: conn.Read and conn.Write, with net/fd_posix.go's netFD.Read
 * and netFD.Write folded in: the poll.FD twin (rt/poll/_fd_unix.c) does the
 * work; only an
 * error goes back to Python (wrapSyscallError, then OpError).
 */

static PyTypeObject *conn_type, *netfd_type;
static Py_ssize_t CONN_fd, NFD[4];
static const char *const nfd_names[] = {"pfd", "net", "laddr", "raddr", NULL};
enum { NFD_pfd, NFD_net, NFD_laddr, NFD_raddr };
static PyObject *py_conn_Read, *py_conn_Write, *py_EINVAL, *py_wrapSyscallError,
    *py_OpError, *py_readSyscallName, *py_writeSyscallName, *str_Op, *str_Net,
    *str_Source, *str_Err, *str_read_op, *str_write_op;   /* str_Addr: rt/poll/_fd_unix.c */

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
        || take(d, "EINVAL", &py_EINVAL) < 0
        || take(d, "wrapSyscallError", &py_wrapSyscallError) < 0
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
