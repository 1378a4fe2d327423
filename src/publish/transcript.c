/* Timed transcripts: WebVTT (with voice tags) and SRT, from the cues the
 * render stage placed on the programme timeline. */
#include <stdlib.h>
#include <string.h>

#include "briefcast/publish.h"
#include "publish_internal.h"

/* The name a cue shows for the narrator. */
#define NARRATOR_NAME "Narrator"

static unsigned long long to_ms(const bc_programme *p, size_t sample)
{
    return (unsigned long long)sample * 1000ULL / p->sample_rate;
}

static int put_time(bci_buf *b, unsigned long long ms, char fraction_mark)
{
    return bci_buf_printf(b, "%02llu:%02llu:%02llu%c%03llu", ms / 3600000, ms / 60000 % 60,
                          ms / 1000 % 60, fraction_mark, ms % 1000);
}

/* Cue text: no line breaks (a blank line would end the cue), and for WebVTT
 * the three characters its parser treats as markup escaped. */
static int put_text(bci_buf *b, const char *text, bool escape)
{
    for (const char *c = text; *c; c++) {
        int rc = 0;
        if (*c == '\n' || *c == '\r')
            rc = bci_buf_putc(b, ' ');
        else if (escape && *c == '&')
            rc = bci_buf_puts(b, "&amp;");
        else if (escape && *c == '<')
            rc = bci_buf_puts(b, "&lt;");
        else if (escape && *c == '>')
            rc = bci_buf_puts(b, "&gt;");
        else
            rc = bci_buf_putc(b, *c);
        if (rc)
            return rc;
    }
    return 0;
}

static int write_transcript(const bc_programme *p, bool vtt, char **out)
{
    if (!p || !out || !p->sample_rate)
        return BC_EINVAL;
    bci_buf b = {0};
    int rc = vtt ? bci_buf_puts(&b, "WEBVTT\n") : 0;
    for (size_t i = 0; i < p->cue_count && !rc; i++) {
        const bc_cue *cue = &p->cues[i];
        const char *speaker = cue->speaker ? cue->speaker : NARRATOR_NAME;
        if ((rc = bci_buf_printf(&b, vtt ? "\n%zu\n" : "%zu\n", i + 1)) ||
            (rc = put_time(&b, to_ms(p, cue->start), vtt ? '.' : ',')) ||
            (rc = bci_buf_puts(&b, " --> ")) ||
            (rc = put_time(&b, to_ms(p, cue->end), vtt ? '.' : ',')) ||
            (rc = bci_buf_putc(&b, '\n')))
            break;
        if (vtt) {
            /* a voice annotation ends at '>': the name must not hold one */
            if ((rc = bci_buf_puts(&b, "<v ")) || (rc = put_text(&b, speaker, true)) ||
                (rc = bci_buf_putc(&b, '>')))
                break;
        } else if (cue->speaker) {
            if ((rc = put_text(&b, speaker, false)) || (rc = bci_buf_puts(&b, ": ")))
                break;
        }
        if ((rc = put_text(&b, cue->text, vtt)) || (rc = bci_buf_puts(&b, vtt ? "\n" : "\n\n")))
            break;
    }
    if (rc) {
        bci_buf_free(&b);
        return rc;
    }
    *out = bci_buf_take(&b);
    return *out ? 0 : BC_ENOMEM;
}

int bc_transcript_vtt(const bc_programme *programme, char **out)
{
    return write_transcript(programme, true, out);
}

int bc_transcript_srt(const bc_programme *programme, char **out)
{
    return write_transcript(programme, false, out);
}

/* Writes what `format` makes of the programme to `path`. */
static int write_with(const bc_programme *programme, const char *path,
                      const bc_publish_settings *s, int (*format)(const bc_programme *, char **))
{
    if (!programme || !path)
        return BC_EINVAL;
    char *text = NULL;
    int rc = format(programme, &text);
    if (!rc)
        rc = bci_publish_file(path, text, strlen(text), s ? &s->logger : NULL);
    free(text);
    return rc;
}

int bc_write_vtt(const bc_programme *programme, const char *path, const bc_publish_settings *s)
{
    return write_with(programme, path, s, bc_transcript_vtt);
}

int bc_write_srt(const bc_programme *programme, const char *path, const bc_publish_settings *s)
{
    return write_with(programme, path, s, bc_transcript_srt);
}
