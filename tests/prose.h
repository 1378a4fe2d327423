/* Made-up news prose for tests and benchmarks that need text of any size
 * with realistic sentence and word statistics. Header only, no test
 * framework: the summarizer's tests and bench/summary_speed.c share it. */
#ifndef BRIEFCAST_TESTS_PROSE_H
#define BRIEFCAST_TESTS_PROSE_H

#include <stdio.h>
#include <stddef.h>

/* Appends to `text` (room for `capacity` bytes, `*length` used) news-like
 * sentences of made-up words until about `size` bytes, in paragraphs of
 * five sentences. Words come from a vocabulary of a few thousand made from
 * syllables, so sentences share some words but rarely most of them. */
static inline void make_prose(char *text, size_t capacity, size_t *length, size_t size)
{
    static const char *const syllables[] = {"ka", "lo", "mi", "ren", "tu", "sa", "vel", "no",
                                            "dri", "po", "han", "ge", "mor", "li", "ost", "ba"};
    unsigned seed = 2024;
    size_t n = *length;
    for (size_t i = 0; n + 200 < size && n + 200 < capacity; i++) {
        char words[4][24];
        for (int w = 0; w < 4; w++) {
            seed = seed * 1103515245u + 12345u;
            unsigned pick = (seed >> 8) % 3000; /* the vocabulary */
            snprintf(words[w], sizeof words[w], "%s%s%s", syllables[pick % 16],
                     syllables[(pick / 16) % 16], syllables[(pick / 256) % 16]);
        }
        words[0][0] = (char)(words[0][0] - 'a' + 'A');
        seed = seed * 1103515245u + 12345u;
        char *out = text + n;
        size_t room = capacity - n;
        switch ((seed >> 10) % 4) {
        case 0:
            n += (size_t)snprintf(out, room, "The %s of %s said the %s would open in %s.",
                                  words[1], words[2], words[3], words[0]);
            break;
        case 1:
            n += (size_t)snprintf(out, room, "%s officials approved a %s plan for the %s on %s.",
                                  words[0], words[1], words[2], words[3]);
            break;
        case 2:
            n += (size_t)snprintf(out, room, "%s residents asked why the %s cost more than %s, "
                                  "%s said.", words[0], words[1], words[2], words[3]);
            break;
        default:
            n += (size_t)snprintf(out, room, "A %s report found that %s and %s had grown since %s.",
                                  words[1], words[2], words[3], words[0]);
            break;
        }
        n += (size_t)snprintf(text + n, capacity - n, i % 5 == 4 ? "\n\n" : " ");
    }
    *length = n;
}

#endif
