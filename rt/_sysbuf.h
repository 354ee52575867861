/* Python only: the buffer conversions shared by rt/_sys_linux.c and the
 * twins of rt/_runtime.c (rt/poll/_fd_unix.c), which are two separate
 * extensions. They take a Python object as rt/sys_linux.py's _wbuf and
 * _rbuf do, with the same TypeErrors, so a twin and its reference accept
 * and refuse the same arguments. Every function is static: each extension
 * gets its own copy, from this one text. MAX_RW_COUNT must be defined
 * before the include. */
#ifndef GONET_SYSBUF_H
#define GONET_SYSBUF_H

/* memoryview(p)'s TypeError for an object without the buffer protocol. */
static void
sysbuf_notBytesLike(PyObject *p)
{
    if (PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "memoryview: a bytes-like object is required, not '%.200s'",
                     Py_TYPE(p)->tp_name);
    }
}

/* The buffer the kernel fills, as _wbuf takes it: writable and C-contiguous,
 * or empty (any empty buffer is passed as NULL, 0). 0 with *view to release,
 * or -1 with the TypeError the reference raises there. */
static int
sysbuf_wbuf(PyObject *p, Py_buffer *view)
{
    if (PyObject_GetBuffer(p, view, PyBUF_WRITABLE) == 0)
        return 0;
    if (!PyErr_ExceptionMatches(PyExc_BufferError) && !PyErr_ExceptionMatches(PyExc_TypeError))
        return -1;
    PyErr_Clear();
    if (PyObject_GetBuffer(p, view, PyBUF_FULL_RO) < 0) {
        sysbuf_notBytesLike(p);
        return -1;
    }
    if (view->len == 0)
        return 0;
    PyErr_SetString(PyExc_TypeError, view->readonly ? "underlying buffer is not writable"
                                                    : "underlying buffer is not C contiguous");
    PyBuffer_Release(view);
    return -1;
}

/* A buffer to send, as _rbuf takes it: any bytes-like object, one that is
 * not C-contiguous sent from a copy (its tobytes()). */
typedef struct {
    Py_buffer view;
    char *copy;
    const char *buf;   /* NULL when empty, as the reference passes None */
    size_t len;        /* capped at MAX_RW_COUNT */
} sysbuf_send;

static int
sysbuf_rbuf(PyObject *p, sysbuf_send *b)
{
    b->copy = NULL;
    if (PyObject_GetBuffer(p, &b->view, PyBUF_SIMPLE) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_BufferError) && !PyErr_ExceptionMatches(PyExc_TypeError))
            return -1;
        PyErr_Clear();
        if (PyObject_GetBuffer(p, &b->view, PyBUF_FULL_RO) < 0) {
            sysbuf_notBytesLike(p);
            return -1;
        }
        b->copy = PyMem_Malloc(b->view.len > 0 ? (size_t)b->view.len : 1);
        if (b->copy == NULL) {
            PyBuffer_Release(&b->view);
            PyErr_NoMemory();
            return -1;
        }
        if (PyBuffer_ToContiguous(b->copy, &b->view, b->view.len, 'C') < 0) {
            PyMem_Free(b->copy);
            PyBuffer_Release(&b->view);
            return -1;
        }
    }
    b->buf = b->view.len == 0 ? NULL : b->copy != NULL ? b->copy : (const char *)b->view.buf;
    b->len = b->view.len > MAX_RW_COUNT ? MAX_RW_COUNT : (size_t)b->view.len;
    return 0;
}

static void
sysbuf_release(sysbuf_send *b)
{
    PyMem_Free(b->copy);
    PyBuffer_Release(&b->view);
}

#endif /* GONET_SYSBUF_H */
