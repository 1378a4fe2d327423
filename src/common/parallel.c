/* A parallel loop over independent tasks on a few threads. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "internal.h"

/* The most threads one loop starts, whatever is asked. */
#define MAX_THREADS 64

typedef struct loop {
    bci_task_fn task;
    void *user_data;
    size_t count;
    pthread_mutex_t lock;
    size_t next;         /* the next task to start */
    size_t failed;       /* the lowest task that failed (count: none) */
    int rc;              /* its error */
} loop;

static void *run_tasks(void *user_data)
{
    loop *l = user_data;
    for (;;) {
        pthread_mutex_lock(&l->lock);
        size_t i = l->next < l->failed ? l->next++ : l->count;
        pthread_mutex_unlock(&l->lock);
        if (i >= l->count)
            return NULL;
        int rc = l->task(l->user_data, i);
        if (rc) {
            pthread_mutex_lock(&l->lock);
            if (i < l->failed) {
                l->failed = i;
                l->rc = rc;
            }
            pthread_mutex_unlock(&l->lock);
        }
    }
}

size_t bci_job_count(unsigned jobs)
{
    long n = jobs ? (long)jobs : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (size_t)n;
}

int bci_parallel_for(size_t jobs, size_t count, bci_task_fn task, void *user_data)
{
    if (!task)
        return BC_EINVAL;
    loop l = {task, user_data, count, .failed = count};
    if (pthread_mutex_init(&l.lock, NULL) != 0)
        return BC_ENOMEM;
    pthread_t threads[MAX_THREADS];
    size_t started = 0;
    if (jobs > MAX_THREADS)
        jobs = MAX_THREADS;
    /* the calling thread is one of the jobs; the others are started */
    for (; started + 1 < jobs && started + 1 < count; started++)
        if (pthread_create(&threads[started], NULL, run_tasks, &l) != 0)
            break;
    run_tasks(&l);
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    pthread_mutex_destroy(&l.lock);
    return l.rc;
}
