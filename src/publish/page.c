/* The accessible briefing page. Built to WCAG 2.1 AA: landmarks and
 * headings, a skip link, native controls only (buttons, the audio
 * element), visible focus, contrast above 4.5:1, the current sentence
 * marked with aria-current as well as colour, and motion only when the
 * listener asks for it and the system allows it. */
#include <string.h>

#include "briefcast/page.h"
#include "common/internal.h"

static const char style[] =
    "body{font:1.125rem/1.6 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0}"
    "main{max-width:46rem;margin:0 auto;padding:1rem 1.25rem 4rem}"
    ".skip{position:absolute;left:-999px;top:0;background:#1a1a1a;color:#fff;padding:.5rem 1rem}"
    ".skip:focus{left:1rem;z-index:2}"
    "h1{font-size:1.75rem;line-height:1.25;margin:1.5rem 0 .25rem}"
    ".subtitle{color:#444;margin:0 0 1rem}"
    "audio{width:100%;margin:.5rem 0 1rem}"
    ".player{position:sticky;top:0;background:#fff;padding:.25rem 0;border-bottom:1px solid #767676}"
    "ol.chapters{padding-left:0;list-style:none}"
    "ol.chapters li{margin:.25rem 0}"
    "button{font:inherit;color:#fff;background:#1a4f8b;border:2px solid #1a4f8b;"
    "border-radius:.375rem;padding:.375rem .75rem;cursor:pointer;text-align:left}"
    "button:hover{background:#123a66}"
    ":focus-visible{outline:3px solid #b3261e;outline-offset:2px}"
    ".time{font-variant-numeric:tabular-nums;margin-left:.5rem}"
    "ol.transcript{padding-left:0;list-style:none}"
    "ol.transcript li{padding:.25rem .5rem;border-left:4px solid transparent;margin:.125rem 0}"
    "ol.transcript li[aria-current=true]{background:#fff3b0;border-left-color:#1a1a1a}"
    ".speaker{font-weight:700;margin-right:.5rem}"
    "label{display:inline-flex;gap:.5rem;align-items:center;margin:.5rem 0}";

static const char script[] =
    "(function(){"
    "var audio=document.getElementById('player');"
    "var cues=[].slice.call(document.querySelectorAll('#transcript li[data-start]'));"
    "var follow=document.getElementById('follow');"
    "var still=window.matchMedia&&window.matchMedia('(prefers-reduced-motion: reduce)').matches;"
    "var current=null;"
    /* the current cue: the last one that has started (pauses keep it) */
    "function update(){var t=audio.currentTime,found=null;"
    "for(var i=0;i<cues.length;i++){if(+cues[i].dataset.start<=t+0.001)found=cues[i];else break;}"
    "if(found===current)return;"
    "if(current)current.removeAttribute('aria-current');"
    "if(found){found.setAttribute('aria-current','true');"
    "if(follow&&follow.checked)found.scrollIntoView({block:'nearest',"
    "behavior:still?'auto':'smooth'});}"
    "current=found;}"
    "audio.addEventListener('timeupdate',update);"
    "audio.addEventListener('seeked',update);"
    "[].forEach.call(document.querySelectorAll('button[data-start]'),function(b){"
    "b.addEventListener('click',function(){audio.currentTime=+b.dataset.start;update();"
    "var p=audio.play();if(p&&p.catch)p.catch(function(){});});});"
    "update();"
    "})();";

/* Escapes text for HTML content and attribute values. */
static int put_escaped(bci_buf *b, const char *s)
{
    for (; *s; s++) {
        int rc;
        switch (*s) {
        case '&': rc = bci_buf_puts(b, "&amp;"); break;
        case '<': rc = bci_buf_puts(b, "&lt;"); break;
        case '>': rc = bci_buf_puts(b, "&gt;"); break;
        case '"': rc = bci_buf_puts(b, "&quot;"); break;
        case '\'': rc = bci_buf_puts(b, "&#39;"); break;
        default: rc = bci_buf_putc(b, *s); break;
        }
        if (rc)
            return rc;
    }
    return 0;
}

/* "1:02:05" or "2:05", for people to read. */
static void clock_text(double seconds, char *out, size_t size)
{
    unsigned long long s = (unsigned long long)seconds;
    if (s >= 3600)
        snprintf(out, size, "%llu:%02llu:%02llu", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(out, size, "%llu:%02llu", s / 60, s % 60);
}

/* Writes "<tag attr>text</tag>"-style pieces: `parts` alternate literal
 * markup and text to escape, NULL-terminated. */
static int put(bci_buf *b, const char *const *parts)
{
    for (size_t i = 0; parts[i]; i++) {
        int rc = i % 2 ? put_escaped(b, parts[i]) : bci_buf_puts(b, parts[i]);
        if (rc)
            return rc;
    }
    return 0;
}

static int put_chapters(bci_buf *b, const bc_programme *p)
{
    if (!p->chapter_count)
        return 0;
    int rc = bci_buf_puts(b, "<nav aria-labelledby=\"chapters-title\"><h2 id=\"chapters-title\">"
                             "Chapters</h2><ol class=\"chapters\">");
    for (size_t i = 0; i < p->chapter_count && !rc; i++) {
        double start = (double)p->chapters[i].sample / p->sample_rate;
        char at[32], clock[32];
        snprintf(at, sizeof at, "%.3f", start);
        clock_text(start, clock, sizeof clock);
        rc = put(b, (const char *const[]){"<li><button type=\"button\" data-start=\"", at, "\">",
                                          p->chapters[i].title, "<span class=\"time\">", clock,
                                          "</span></button></li>", NULL});
    }
    return rc ? rc : bci_buf_puts(b, "</ol></nav>");
}

static int put_transcript(bci_buf *b, const bc_programme *p)
{
    int rc = bci_buf_puts(b, "<section id=\"transcript\" aria-labelledby=\"transcript-title\">"
                             "<h2 id=\"transcript-title\">Transcript</h2>"
                             "<label><input type=\"checkbox\" id=\"follow\"> Scroll to follow "
                             "the audio</label><ol class=\"transcript\">");
    const char *previous = "";
    for (size_t i = 0; i < p->cue_count && !rc; i++) {
        const bc_cue *cue = &p->cues[i];
        const char *speaker = cue->speaker ? cue->speaker : "Narrator";
        char start[32], end[32], id[32];
        snprintf(start, sizeof start, "%.3f", (double)cue->start / p->sample_rate);
        snprintf(end, sizeof end, "%.3f", (double)cue->end / p->sample_rate);
        snprintf(id, sizeof id, "%zu", i + 1);
        /* the speaker's name when the voice changes, as a script would */
        bool change = strcmp(previous, speaker) != 0;
        rc = put(b, (const char *const[]){"<li id=\"cue-", id, "\" data-start=\"", start,
                                          "\" data-end=\"", end, "\">", NULL});
        if (!rc && change)
            rc = put(b, (const char *const[]){"<span class=\"speaker\">", speaker, ":</span>", NULL});
        if (!rc)
            rc = put(b, (const char *const[]){"", cue->text, "</li>", NULL});
        previous = speaker;
    }
    return rc ? rc : bci_buf_puts(b, "</ol></section>");
}

int bc_page_html(const bc_programme *p, const bc_page_settings *s, char **out)
{
    if (!p || !p->sample_rate || !s || !s->title || (!s->opus_url && !s->mp3_url) || !out)
        return BC_EINVAL;
    bci_buf b = {0};
    const char *lang = s->language ? s->language : "en";
    int rc = put(&b, (const char *const[]){"<!DOCTYPE html>\n<html lang=\"", lang,
                                           "\"><head><meta charset=\"utf-8\">"
                                           "<meta name=\"viewport\" content=\"width=device-width, "
                                           "initial-scale=1\"><title>",
                                           s->title, "</title><style>", NULL});
    if (!rc)
        rc = bci_buf_puts(&b, style);
    if (!rc)
        rc = put(&b, (const char *const[]){"</style></head><body><a class=\"skip\" "
                                           "href=\"#transcript\">Skip to the transcript</a>"
                                           "<main><h1>",
                                           s->title, "</h1>", NULL});
    if (!rc && s->subtitle)
        rc = put(&b, (const char *const[]){"<p class=\"subtitle\">", s->subtitle, "</p>", NULL});
    if (!rc)
        rc = bci_buf_puts(&b, "<div class=\"player\"><audio id=\"player\" controls "
                              "preload=\"metadata\" aria-label=\"The briefing\">");
    if (!rc && s->opus_url)
        rc = put(&b, (const char *const[]){"<source src=\"", s->opus_url,
                                           "\" type=\"audio/ogg; codecs=opus\">", NULL});
    if (!rc && s->mp3_url)
        rc = put(&b, (const char *const[]){"<source src=\"", s->mp3_url, "\" type=\"audio/mpeg\">",
                                           NULL});
    if (!rc && s->vtt_url)
        rc = put(&b, (const char *const[]){"<track kind=\"captions\" src=\"", s->vtt_url,
                                           "\" srclang=\"", lang, "\" label=\"Transcript\">", NULL});
    if (!rc)
        rc = put(&b, (const char *const[]){"<a href=\"", s->mp3_url ? s->mp3_url : s->opus_url,
                                           "\">Download the briefing</a></audio></div>", NULL});
    if (!rc)
        rc = put_chapters(&b, p);
    if (!rc)
        rc = put_transcript(&b, p);
    if (!rc)
        rc = bci_buf_puts(&b, "</main><script>");
    if (!rc)
        rc = bci_buf_puts(&b, script);
    if (!rc)
        rc = bci_buf_puts(&b, "</script></body></html>\n");
    if (rc) {
        bci_buf_free(&b);
        return rc;
    }
    *out = bci_buf_take(&b);
    return *out ? 0 : BC_ENOMEM;
}
