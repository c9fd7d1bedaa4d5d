// Implementations of CSocShims.h. _GNU_SOURCE is needed for accept4, pthread_setname_np and
// the GNU strerror_r; it is defined here, never in the public header.
#define _GNU_SOURCE

#include "CSocShims.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

_Static_assert(CSocShims_SOCK_NONBLOCK == SOCK_NONBLOCK, "SOCK_NONBLOCK");
_Static_assert(CSocShims_SOCK_CLOEXEC == SOCK_CLOEXEC, "SOCK_CLOEXEC");
_Static_assert(CSocShims_MSG_NOSIGNAL == MSG_NOSIGNAL, "MSG_NOSIGNAL");
_Static_assert(CSocShims_EFD_NONBLOCK == EFD_NONBLOCK, "EFD_NONBLOCK");
_Static_assert(CSocShims_EFD_CLOEXEC == EFD_CLOEXEC, "EFD_CLOEXEC");
_Static_assert(CSocShims_SFD_NONBLOCK == SFD_NONBLOCK, "SFD_NONBLOCK");
_Static_assert(CSocShims_SFD_CLOEXEC == SFD_CLOEXEC, "SFD_CLOEXEC");
_Static_assert(CSocShims_EPOLL_CLOEXEC == EPOLL_CLOEXEC, "EPOLL_CLOEXEC");
_Static_assert(CSocShims_EPOLLIN == EPOLLIN, "EPOLLIN");
_Static_assert(CSocShims_EPOLLOUT == EPOLLOUT, "EPOLLOUT");
_Static_assert(CSocShims_EPOLLERR == EPOLLERR, "EPOLLERR");
_Static_assert(CSocShims_EPOLLHUP == EPOLLHUP, "EPOLLHUP");
_Static_assert(CSocShims_EPOLLRDHUP == EPOLLRDHUP, "EPOLLRDHUP");
_Static_assert(CSocShims_EPOLLONESHOT == EPOLLONESHOT, "EPOLLONESHOT");
_Static_assert(CSocShims_EPOLLET == (uint32_t)EPOLLET, "EPOLLET");
_Static_assert(CSocShims_EPOLL_CTL_ADD == EPOLL_CTL_ADD, "EPOLL_CTL_ADD");
_Static_assert(CSocShims_EPOLL_CTL_DEL == EPOLL_CTL_DEL, "EPOLL_CTL_DEL");
_Static_assert(CSocShims_EPOLL_CTL_MOD == EPOLL_CTL_MOD, "EPOLL_CTL_MOD");
_Static_assert(CSocShims_UNIX_PATH_MAX == sizeof(((struct sockaddr_un *)0)->sun_path) - 1, "sun_path");
// CSocShims_epoll_wait expands kernel events in place, which needs ours to be at least as large.
_Static_assert(sizeof(CSocShims_EpollEvent) >= sizeof(struct epoll_event), "epoll_event layout");
_Static_assert(_Alignof(CSocShims_EpollEvent) >= _Alignof(struct epoll_event), "epoll_event alignment");

// MARK: - Unix domain sockets

int CSocShims_accept4(int fd, int flags) {
    return accept4(fd, NULL, NULL, flags);
}

static int make_unix_address(const char *path, struct sockaddr_un *address, socklen_t *length) {
    size_t path_length = strlen(path);
    if (path_length == 0) {
        errno = EINVAL;
        return -1;
    }
    if (path_length > CSocShims_UNIX_PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memset(address, 0, sizeof(*address));
    address->sun_family = AF_UNIX;
    memcpy(address->sun_path, path, path_length + 1);
    *length = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + path_length + 1);
    return 0;
}

int CSocShims_bind_unix(int fd, const char *path) {
    struct sockaddr_un address;
    socklen_t length;
    if (make_unix_address(path, &address, &length) != 0) {
        return -1;
    }
    return bind(fd, (const struct sockaddr *)&address, length);
}

int CSocShims_connect_unix(int fd, const char *path) {
    struct sockaddr_un address;
    socklen_t length;
    if (make_unix_address(path, &address, &length) != 0) {
        return -1;
    }
    return connect(fd, (const struct sockaddr *)&address, length);
}

int CSocShims_peer_credentials(int fd, pid_t *pid, uid_t *uid, gid_t *gid) {
    struct ucred credentials;
    socklen_t length = sizeof(credentials);
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0) {
        return -1;
    }
    *pid = credentials.pid;
    *uid = credentials.uid;
    *gid = credentials.gid;
    return 0;
}

static int get_int_option(int fd, int name, int *value) {
    socklen_t length = sizeof(*value);
    return getsockopt(fd, SOL_SOCKET, name, value, &length);
}

int CSocShims_socket_info(int fd, int *domain, int *type, int *accepting_connections) {
    if (get_int_option(fd, SO_DOMAIN, domain) != 0 || get_int_option(fd, SO_TYPE, type) != 0 ||
        get_int_option(fd, SO_ACCEPTCONN, accepting_connections) != 0) {
        return -1;
    }
    return 0;
}

int CSocShims_set_send_timeout(int fd, int64_t microseconds) {
    struct timeval timeout = {
        .tv_sec = (time_t)(microseconds / 1000000),
        .tv_usec = (suseconds_t)(microseconds % 1000000),
    };
    return setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
}

// MARK: - epoll

int CSocShims_epoll_create1(int flags) {
    return epoll_create1(flags);
}

int CSocShims_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t user_data) {
    struct epoll_event event = {.events = events, .data = {.u64 = user_data}};
    return epoll_ctl(epfd, op, fd, &event);
}

int CSocShims_epoll_wait(int epfd, CSocShims_EpollEvent *events, int max_events, int timeout_ms) {
    // The kernel writes `struct epoll_event`s (12 bytes each where glibc packs them) at the
    // start of the caller's buffer; they are then widened into our 16-byte layout from the
    // last to the first, so each source is read before any wider slot can overwrite it.
    struct epoll_event *kernel_events = (struct epoll_event *)(void *)events;
    int count = epoll_wait(epfd, kernel_events, max_events, timeout_ms);
    for (int index = count - 1; index >= 0; index--) {
        struct epoll_event source;
        memcpy(&source, &kernel_events[index], sizeof(source));
        CSocShims_EpollEvent widened = {.events = source.events, .user_data = source.data.u64};
        memcpy(&events[index], &widened, sizeof(widened));
    }
    return count;
}

// MARK: - eventfd

int CSocShims_eventfd(unsigned int initial_value, int flags) {
    return eventfd(initial_value, flags);
}

// MARK: - Signals

static int make_signal_set(const int *signals, int count, sigset_t *set) {
    sigemptyset(set);
    for (int index = 0; index < count; index++) {
        if (sigaddset(set, signals[index]) != 0) {
            return -1;
        }
    }
    return 0;
}

static int change_signal_mask(int how, const int *signals, int count) {
    sigset_t set;
    if (make_signal_set(signals, count, &set) != 0) {
        return -1;
    }
    int result = pthread_sigmask(how, &set, NULL);
    if (result != 0) {
        errno = result;
        return -1;
    }
    return 0;
}

int CSocShims_block_signals(const int *signals, int count) {
    return change_signal_mask(SIG_BLOCK, signals, count);
}

int CSocShims_unblock_signals(const int *signals, int count) {
    return change_signal_mask(SIG_UNBLOCK, signals, count);
}

int CSocShims_is_signal_pending(int signal) {
    sigset_t pending;
    if (sigpending(&pending) != 0) {
        return -1;
    }
    return sigismember(&pending, signal);
}

int CSocShims_ignore_signal(int signal) {
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = SIG_IGN;
    sigemptyset(&action.sa_mask);
    return sigaction(signal, &action, NULL);
}

int CSocShims_is_signal_ignored(int signal) {
    struct sigaction current;
    if (sigaction(signal, NULL, &current) != 0) {
        return -1;
    }
    return current.sa_handler == SIG_IGN ? 1 : 0;
}

int CSocShims_signalfd(const int *signals, int count, int flags) {
    sigset_t set;
    if (make_signal_set(signals, count, &set) != 0) {
        return -1;
    }
    return signalfd(-1, &set, flags);
}

ssize_t CSocShims_signalfd_read(int fd, CSocShims_SignalInfo *info) {
    struct signalfd_siginfo raw;
    ssize_t result = read(fd, &raw, sizeof(raw));
    if (result == (ssize_t)sizeof(raw)) {
        info->signal = (int32_t)raw.ssi_signo;
        info->sender_pid = (int32_t)raw.ssi_pid;
        info->sender_uid = raw.ssi_uid;
    }
    return result;
}

// MARK: - Threads

int CSocShims_set_current_thread_name(const char *name) {
    char truncated[16];
    strncpy(truncated, name, sizeof(truncated) - 1);
    truncated[sizeof(truncated) - 1] = '\0';
    return pthread_setname_np(pthread_self(), truncated);
}

int CSocShims_get_current_thread_name(char *buffer, size_t length) {
    return pthread_getname_np(pthread_self(), buffer, length);
}

// MARK: - Resource limits

int CSocShims_get_open_file_limit(uint64_t *soft, uint64_t *hard) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return -1;
    }
    *soft = (uint64_t)limit.rlim_cur;
    *hard = (uint64_t)limit.rlim_max;
    return 0;
}

int CSocShims_set_open_file_limit(uint64_t soft, uint64_t hard) {
    struct rlimit limit = {.rlim_cur = (rlim_t)soft, .rlim_max = (rlim_t)hard};
    return setrlimit(RLIMIT_NOFILE, &limit);
}

// MARK: - Errors

void CSocShims_strerror(int error_number, char *buffer, size_t length) {
    if (length == 0) {
        return;
    }
    // GNU strerror_r may return a static string instead of filling the buffer.
    const char *message = strerror_r(error_number, buffer, length);
    if (message != buffer) {
        strncpy(buffer, message, length - 1);
        buffer[length - 1] = '\0';
    }
}
