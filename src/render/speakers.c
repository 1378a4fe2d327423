/* Speech in worker processes. eSpeak NG keeps its state in process-wide
 * globals and is not thread-safe, so parallel speech uses processes: each
 * worker (fork) opens its own synthesizer, takes segment numbers from a
 * socket and sends back the samples and marks. The parent hands out one
 * segment at a time to whichever worker is free and delivers the speech in
 * segment order, holding at most one segment per worker.
 *
 * eSpeak NG's output also depends on what it spoke before (its wave
 * generator keeps phases and tables running from one utterance to the
 * next), so a worker never speaks twice: it opens the synthesizer once and
 * forks a child per segment, which speaks from that same fresh state,
 * replies and exits. Every segment thus sounds the same whichever worker
 * speaks it, in whatever order, and with any number of workers.
 *
 * Sockets rather than pipes: send() with MSG_NOSIGNAL reports a dead
 * worker as an error instead of raising SIGPIPE, and the library does not
 * touch the process's signal handlers.
 *
 * A worker's diagnostics come back in its reply and reach the caller's
 * logger. Its standard error goes to /dev/null: eSpeak NG and the sound
 * libraries it loads print there on their own (PulseAudio's shared memory,
 * for one, complains under a file size limit), and the library never
 * prints. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "render_internal.h"

/* What a worker sends back before the samples and marks. */
typedef struct reply {
    int32_t rc;
    uint32_t sample_rate;
    uint64_t sample_count;
    uint64_t mark_count;
    char message[240]; /* the last error the worker logged, or "" */
} reply;

/* Keeps the last error a worker logs, for its reply. */
static void remember_error(void *user_data, enum bc_log_level level, const char *message)
{
    if (level == BC_LOG_ERROR)
        snprintf(user_data, sizeof ((reply *)0)->message, "%s", message);
}

typedef struct worker {
    pid_t pid;
    int fd;          /* the parent's end of the socket */
    size_t segment;  /* the segment being spoken */
    bool busy;
} worker;

static int send_all(int fd, const void *data, size_t size)
{
    const char *p = data;
    while (size) {
        ssize_t n = send(fd, p, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return BC_EIO;
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

static int receive_all(int fd, void *data, size_t size)
{
    char *p = data;
    while (size) {
        ssize_t n = read(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return BC_EIO;
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

/* Speaks segment `index` (in a child of the worker) and sends the reply. */
static int speak_one(int fd, uint64_t index, bc_synth *synth, int open_rc, const bc_plan *plan,
                     const bc_render_settings *s, const char *last_error)
{
    bc_speech speech = {0};
    int rc = open_rc;
    if (!rc && index >= plan->segment_count)
        rc = BC_EINVAL;
    if (!rc) {
        const bc_segment *g = &plan->segments[index];
        rc = bci_speak_segment(synth, g, bc_voice_set_find(s->voices, g->voice), s->rate,
                               &speech);
    }
    reply r;
    memset(&r, 0, sizeof r); /* padding too: the reply crosses processes */
    r.rc = rc;
    r.sample_rate = speech.sample_rate;
    r.sample_count = rc ? 0 : speech.sample_count;
    r.mark_count = rc ? 0 : speech.mark_count;
    if (rc)
        snprintf(r.message, sizeof r.message, "%s", last_error);
    int failed = send_all(fd, &r, sizeof r) ||
                 send_all(fd, speech.samples, r.sample_count * sizeof(int16_t)) ||
                 send_all(fd, speech.marks, r.mark_count * sizeof(bc_speech_mark));
    bc_speech_clear(&speech);
    return failed;
}

/* The worker's life: for every segment asked, a child speaks it from the
 * synthesizer's fresh state; until the socket closes or a child fails. */
static void work(int fd, const bc_plan *plan, const bc_render_settings *s)
{
    char last_error[sizeof ((reply *)0)->message] = "";
    bc_synth_settings ss;
    bc_synth_default_settings(&ss);
    ss.data_path = s->espeak_data;
    ss.logger = (bc_logger){remember_error, last_error};
    bc_synth *synth = NULL;
    int open_rc = bc_synth_open(&synth, &ss);
    uint64_t index;
    while (receive_all(fd, &index, sizeof index) == 0) {
        pid_t child = fork();
        if (child < 0)
            break; /* the parent sees the socket close */
        if (child == 0)
            _exit(speak_one(fd, index, synth, open_rc, plan, s, last_error));
        int status = 0;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR)
            ;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            break; /* its reply may be cut short: close rather than go on */
    }
    bc_synth_free(synth);
}

static int start_workers(worker *workers, size_t jobs, const bc_plan *plan,
                         const bc_render_settings *s)
{
    for (size_t i = 0; i < jobs; i++) {
        int pair[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
            bci_log(&s->logger, BC_LOG_ERROR, "cannot start a speech worker: %s",
                    strerror(errno));
            return BC_EIO;
        }
        pid_t pid = fork();
        if (pid < 0) {
            bci_log(&s->logger, BC_LOG_ERROR, "cannot start a speech worker: %s",
                    strerror(errno));
            close(pair[0]);
            close(pair[1]);
            return BC_EIO;
        }
        if (pid == 0) {
            close(pair[0]);
            int quiet = open("/dev/null", O_WRONLY | O_CLOEXEC);
            if (quiet >= 0) {
                dup2(quiet, STDERR_FILENO);
                close(quiet);
            }
            for (size_t k = 0; k < i; k++)
                close(workers[k].fd);
            work(pair[1], plan, s);
            /* _exit: the parent's atexit handlers and stdio buffers are its own */
            _exit(0);
        }
        close(pair[1]);
        workers[i] = (worker){.pid = pid, .fd = pair[0]};
    }
    return 0;
}

static void stop_workers(worker *workers, size_t jobs)
{
    for (size_t i = 0; i < jobs; i++) {
        if (workers[i].pid <= 0)
            continue;
        close(workers[i].fd); /* the worker reads the end and leaves */
        while (waitpid(workers[i].pid, NULL, 0) < 0 && errno == EINTR)
            ;
    }
}

static int assign(worker *w, size_t segment)
{
    uint64_t index = segment;
    w->segment = segment;
    w->busy = true;
    return send_all(w->fd, &index, sizeof index);
}

/* Reads the reply of worker `w` into `speech`. */
static int collect(worker *w, bc_speech *speech, const bc_render_settings *s)
{
    reply r;
    int rc = receive_all(w->fd, &r, sizeof r);
    w->busy = false;
    if (rc) {
        bci_log(&s->logger, BC_LOG_ERROR, "a speech worker stopped unexpectedly");
        return BC_EIO;
    }
    if (r.rc) {
        r.message[sizeof r.message - 1] = '\0';
        if (r.message[0])
            bci_log(&s->logger, BC_LOG_ERROR, "%s", r.message);
        return r.rc;
    }
    if (r.sample_count > SIZE_MAX / sizeof(int16_t) ||
        r.mark_count > SIZE_MAX / sizeof(bc_speech_mark))
        return BC_ENOMEM;
    speech->sample_rate = r.sample_rate;
    speech->sample_count = (size_t)r.sample_count;
    speech->mark_count = (size_t)r.mark_count;
    speech->samples = malloc(speech->sample_count ? speech->sample_count * sizeof(int16_t) : 1);
    speech->marks = malloc(speech->mark_count ? speech->mark_count * sizeof(bc_speech_mark) : 1);
    if (!speech->samples || !speech->marks)
        return BC_ENOMEM; /* the caller clears the speech; the socket is now out of step */
    if (receive_all(w->fd, speech->samples, speech->sample_count * sizeof(int16_t)) ||
        receive_all(w->fd, speech->marks, speech->mark_count * sizeof(bc_speech_mark))) {
        bci_log(&s->logger, BC_LOG_ERROR, "a speech worker stopped unexpectedly");
        return BC_EIO;
    }
    return 0;
}

int bci_speak_parallel(const bc_plan *plan, const bc_render_settings *s, size_t jobs,
                       bci_speech_fn deliver, void *user_data)
{
    size_t count = plan->segment_count;
    worker *workers = calloc(jobs, sizeof *workers);
    bc_speech *ready = calloc(count ? count : 1, sizeof *ready); /* spoken, not yet delivered */
    bool *have = calloc(count ? count : 1, sizeof *have);
    struct pollfd *polls = calloc(jobs, sizeof *polls);
    int rc = BC_ENOMEM;
    if (!workers || !ready || !have || !polls)
        goto done;
    if ((rc = start_workers(workers, jobs, plan, s)))
        goto done;
    size_t next_assign = 0, next_deliver = 0;
    for (size_t i = 0; i < jobs && next_assign < count && !rc; i++)
        rc = assign(&workers[i], next_assign++);
    while (!rc && next_deliver < count) {
        if (bci_cancelled(&s->cancel)) {
            rc = BC_EINTR;
            break;
        }
        for (size_t i = 0; i < jobs; i++)
            polls[i] = (struct pollfd){.fd = workers[i].busy ? workers[i].fd : -1,
                                       .events = POLLIN};
        int n = poll(polls, (nfds_t)jobs, -1);
        if (n < 0 && errno != EINTR) {
            rc = BC_EIO;
            break;
        }
        for (size_t i = 0; i < jobs && n > 0 && !rc; i++) {
            if (!workers[i].busy || !(polls[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            size_t segment = workers[i].segment;
            rc = collect(&workers[i], &ready[segment], s);
            have[segment] = true;
            if (!rc && next_assign < count)
                rc = assign(&workers[i], next_assign++);
        }
        while (!rc && next_deliver < count && have[next_deliver]) {
            rc = deliver(user_data, next_deliver, &ready[next_deliver]);
            bc_speech_clear(&ready[next_deliver]);
            next_deliver++;
        }
    }

done:
    if (workers)
        stop_workers(workers, jobs);
    for (size_t i = 0; ready && i < count; i++)
        bc_speech_clear(&ready[i]);
    free(ready);
    free(have);
    free(polls);
    free(workers);
    return rc;
}
