/*
 * rt/_netpoll_epoll.c: C twin of rt/netpoll_epoll.py's netpoll
 * (runtime/netpoll_epoll.go, go1.27.0).
 *
 * Part of rt/_runtime.c, which #includes it (one translation unit): the
 * field offsets (G[...], P[...], PD[...]), the helpers (slot_set, getm,
 * dict_get, ...) and the reference functions (py_*) are defined there. Each
 * twin's comment names its Go original; its Python twin has the same name.
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
