// CSocShims: the few Linux interfaces Swift cannot call directly or should not re-declare.
//
// Only SocPOSIX imports this module. The header deliberately includes no socket, epoll or
// signal headers: it exposes plain integers and small structs of its own, so importing it
// cannot leak <sys/socket.h> declarations into Swift modules. The constants below are the
// Linux values; shims.c checks each one against the system headers with _Static_assert.
//
// Every function returns what the underlying call returns (-1 with errno set on failure)
// unless its comment says otherwise.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

// MARK: - Constants

#define CSocShims_SOCK_NONBLOCK 04000
#define CSocShims_SOCK_CLOEXEC 02000000
#define CSocShims_MSG_NOSIGNAL 0x4000

#define CSocShims_EFD_NONBLOCK 04000
#define CSocShims_EFD_CLOEXEC 02000000
#define CSocShims_SFD_NONBLOCK 04000
#define CSocShims_SFD_CLOEXEC 02000000
#define CSocShims_EPOLL_CLOEXEC 02000000

#define CSocShims_EPOLLIN 0x001u
#define CSocShims_EPOLLOUT 0x004u
#define CSocShims_EPOLLERR 0x008u
#define CSocShims_EPOLLHUP 0x010u
#define CSocShims_EPOLLRDHUP 0x2000u
#define CSocShims_EPOLLONESHOT 0x40000000u
#define CSocShims_EPOLLET 0x80000000u

#define CSocShims_EPOLL_CTL_ADD 1
#define CSocShims_EPOLL_CTL_DEL 2
#define CSocShims_EPOLL_CTL_MOD 3

/// Longest path (in bytes, without the terminating NUL) that fits `sockaddr_un.sun_path`.
#define CSocShims_UNIX_PATH_MAX 107

// MARK: - Unix domain sockets

/// accept4(2) without the peer address (Unix peers have no useful one); `flags` takes
/// CSocShims_SOCK_NONBLOCK / CSocShims_SOCK_CLOEXEC.
int CSocShims_accept4(int fd, int flags);

/// bind(2) to a filesystem path. Fails with ENAMETOOLONG when the path does not fit
/// sun_path and EINVAL for the empty path (the abstract namespace is not supported).
int CSocShims_bind_unix(int fd, const char *path);

/// connect(2) to a filesystem path, with the same path rules as CSocShims_bind_unix.
int CSocShims_connect_unix(int fd, const char *path);

/// SO_PEERCRED: the credentials the peer had when it connected (or called socketpair).
int CSocShims_peer_credentials(int fd, pid_t *pid, uid_t *uid, gid_t *gid);

/// SO_DOMAIN, SO_TYPE and SO_ACCEPTCONN in one call.
int CSocShims_socket_info(int fd, int *domain, int *type, int *accepting_connections);

/// Sets SO_SNDTIMEO, which on Linux also bounds how long a blocking Unix connect(2) waits
/// for room in a full listen backlog. Zero microseconds means "wait forever".
int CSocShims_set_send_timeout(int fd, int64_t microseconds);

// MARK: - epoll

/// One readiness report. Our own unpacked layout: glibc declares `struct epoll_event`
/// packed on x86_64, which Swift cannot import faithfully.
typedef struct {
    uint32_t events;
    uint64_t user_data;
} CSocShims_EpollEvent;

int CSocShims_epoll_create1(int flags);
int CSocShims_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t user_data);

/// epoll_wait(2) into a buffer of our event struct, without allocating.
int CSocShims_epoll_wait(int epfd, CSocShims_EpollEvent *events, int max_events, int timeout_ms);

// MARK: - eventfd

int CSocShims_eventfd(unsigned int initial_value, int flags);

// MARK: - Signals

/// Blocks `signals` in the calling thread (pthread_sigmask SIG_BLOCK).
int CSocShims_block_signals(const int *signals, int count);

/// Unblocks `signals` in the calling thread (pthread_sigmask SIG_UNBLOCK).
int CSocShims_unblock_signals(const int *signals, int count);

/// Returns 1 when `signal` is pending for the calling thread or the process, 0 when not.
int CSocShims_is_signal_pending(int signal);

/// Sets the disposition of `signal` to SIG_IGN for the whole process.
int CSocShims_ignore_signal(int signal);

/// Returns 1 when the disposition of `signal` is SIG_IGN, 0 when not.
int CSocShims_is_signal_ignored(int signal);

/// A new signalfd(2) for `signals`; `flags` takes CSocShims_SFD_NONBLOCK / CSocShims_SFD_CLOEXEC.
int CSocShims_signalfd(const int *signals, int count, int flags);

/// The part of `struct signalfd_siginfo` socd uses.
typedef struct {
    int32_t signal;
    int32_t sender_pid;
    uint32_t sender_uid;
} CSocShims_SignalInfo;

/// Reads one signal from a signalfd. Returns the read(2) result: the size of
/// `struct signalfd_siginfo` on success, -1 with errno (EAGAIN when none is pending).
ssize_t CSocShims_signalfd_read(int fd, CSocShims_SignalInfo *info);

// MARK: - Threads

/// Names the calling thread, truncating to the 15 bytes the kernel keeps. Returns 0 or an
/// error number (pthread convention, errno untouched).
int CSocShims_set_current_thread_name(const char *name);

/// Copies the calling thread's name into `buffer` (at least 16 bytes). Returns 0 or an error number.
int CSocShims_get_current_thread_name(char *buffer, size_t length);

// MARK: - Resource limits

/// RLIMIT_NOFILE soft and hard limits.
int CSocShims_get_open_file_limit(uint64_t *soft, uint64_t *hard);
int CSocShims_set_open_file_limit(uint64_t soft, uint64_t hard);

// MARK: - Errors

/// The message for `error_number` copied into `buffer` (thread-safe, unlike strerror(3)).
void CSocShims_strerror(int error_number, char *buffer, size_t length);

// MARK: - Build facts

#include "CSocShims_BuildInfo.h"
