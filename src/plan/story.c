/* One story's segments. Each selected sentence is cut into pieces at its
 * voiced quotes: the narrator reads the rest, the quoted person's voice
 * reads the quote. Before a person's words the listener must know who
 * speaks, so the narrator names them ("Tom Reilly said:") when the
 * selected text has not, turning "He said:" into the name and dropping a
 * trailing "Mr Reilly said" that the naming made redundant. */
#include <string.h>

#include "names.h"
#include "plan_internal.h"

/* Headlines are read a little slower than the body. */
#define HEADLINE_RATE_PERCENT 90
/* A quote shorter than this many words is a partial or scare quote, read
 * by the narrator as part of the sentence. */
#define MIN_VOICED_WORDS 4
/* A partial quote ("said they managed to “prevent Russia from any further
 * escalation”") is voiced from this many words: shorter ones are labels. */
#define MIN_PARTIAL_WORDS 3
/* The pause around a partial quote inside the narrator's sentence: shorter
 * than between sentences, long enough to mark the change of voice. */
#define PAUSE_PARTIAL_MS 200
/* After this many sentences in one quoted voice, the narrator names the
 * speaker again at the next paragraph. */
#define REIDENTIFY_AFTER_SENTENCES 8
/* An attribution clause ("she told reporters at the quayside") is short. */
#define MAX_ATTRIBUTION_WORDS 10

typedef struct piece {
    size_t start;
    size_t end;
    const bc_quote *quote; /* NULL: the narrator's */
} piece;

/* What the story has said so far, to decide when to name a speaker. */
typedef struct story_state {
    bci_plan_builder *b;
    const bc_doc *doc;
    int index;
    const char *current_speaker;  /* speaker of the last segment (NULL: narrator) */
    size_t run_sentences;         /* sentences in a row in that voice */
    const char *named[64];        /* people named so far (full name used once) */
    size_t named_count;
} story_state;

static size_t count_words(const char *s, size_t length)
{
    size_t words = 0;
    bool in_word = false;
    for (size_t i = 0; i < length; i++) {
        bool space = s[i] == ' ';
        words += !space && !in_word;
        in_word = !space;
    }
    return words;
}

static bool has_letters(const char *s, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            return true;
        if ((c >= '0' && c <= '9') || c >= 0xC0)
            return true;
    }
    return false;
}

/* A quote is voiced when its speaker is known and it is a full utterance
 * (several words, starting with a capital), or a partial quote of
 * MIN_PARTIAL_WORDS or more whose sentence attributes it ("Kuleba said they
 * managed to “prevent Russia from any further escalation”"). Scare quotes
 * and short phrases ("most serious") stay in the narration. */
static bool voiced(const bc_doc *doc, const bc_quote *q)
{
    if (!q->speaker || !*q->speaker)
        return false;
    const char *text = doc->paragraphs[q->paragraph].text + q->start;
    size_t length = q->end - q->start;
    size_t words = count_words(text, length);
    if (q->partial)
        return words >= MIN_PARTIAL_WORDS && q->speaker_paragraph == q->paragraph;
    if (words < MIN_VOICED_WORDS)
        return false;
    size_t i = 0;
    while (i < length && !(((unsigned char)text[i] | 0x20) >= 'a' &&
                           ((unsigned char)text[i] | 0x20) <= 'z'))
        i++;
    return i < length && text[i] >= 'A' && text[i] <= 'Z';
}

/* Cuts sentence `id` into narrator and quote pieces; returns the count
 * written to `out` (room for `max`). */
static size_t cut_sentence(const bc_doc *doc, size_t id, piece *out, size_t max)
{
    const bc_sentence *s = &doc->sentences[id];
    size_t count = 0, cursor = s->start;
    for (size_t i = 0; i < doc->quote_count && count + 2 < max; i++) {
        const bc_quote *q = &doc->quotes[i];
        if (q->paragraph != s->paragraph || q->end <= s->start || q->start >= s->end ||
            !voiced(doc, q))
            continue;
        size_t qs = q->start > cursor ? q->start : cursor;
        size_t qe = q->end < s->end ? q->end : s->end;
        if (qe <= qs)
            continue;
        if (qs > cursor)
            out[count++] = (piece){cursor, qs, NULL};
        out[count++] = (piece){qs, qe, q};
        cursor = qe;
    }
    if (cursor < s->end) {
        /* the stop after a closing quotation mark belongs to the quote */
        bool only_punctuation = true;
        for (size_t i = cursor; i < s->end && only_punctuation; i++) {
            unsigned char c = (unsigned char)doc->paragraphs[s->paragraph].text[i];
            only_punctuation = c == '.' || c == '!' || c == '?' || c == ' ';
        }
        if (only_punctuation && count > 0 && out[count - 1].quote && out[count - 1].end == cursor)
            out[count - 1].end = s->end;
        else
            out[count++] = (piece){cursor, s->end, NULL};
    }
    return count;
}

/* Does a narrator piece only attribute speech ("Mr Reilly said.",
 * "she told reporters at the quayside.")? */
static bool is_attribution(const char *text, size_t length, const char *speaker)
{
    static const char *const verbs[] = {
        "said", "says", "added", "adds", "told", "asked", "warned", "explained", "insisted",
        "argued", "replied", "continued", "noted", "wrote", "declared", "stressed", "admitted",
        "claimed", "tweeted", "according to",
    };
    if (count_words(text, length) > MAX_ATTRIBUTION_WORDS)
        return false;
    bool verb = false;
    for (size_t i = 0; i < BCI_ARRAY_LEN(verbs) && !verb; i++) {
        size_t n = strlen(verbs[i]);
        for (size_t k = 0; k + n <= length && !verb; k++)
            verb = memcmp(text + k, verbs[i], n) == 0;
    }
    if (!verb)
        return false;
    static const char *const pronouns[] = {"he ", "she ", "they ", "He ", "She ", "They "};
    for (size_t i = 0; i < BCI_ARRAY_LEN(pronouns); i++) {
        size_t n = strlen(pronouns[i]);
        for (size_t k = 0; k + n <= length; k++)
            if (memcmp(text + k, pronouns[i], n) == 0 &&
                (k == 0 || text[k - 1] == ' ' || text[k - 1] == ','))
                return true;
    }
    return bci_mentions(text, length, speaker);
}

/* "He said:" / "She added:" — a pronoun, a verb and a colon: returns the
 * pronoun's length (to replace it with the name), or 0. */
static size_t pronoun_intro(const char *text, size_t length)
{
    while (length > 0 && text[length - 1] == ' ')
        length--;
    if (length == 0 || text[length - 1] != ':' || count_words(text, length) > 4)
        return 0;
    if (length > 3 && memcmp(text, "He ", 3) == 0)
        return 2;
    if (length > 4 && (memcmp(text, "She ", 4) == 0 || memcmp(text, "They", 4) == 0))
        return memcmp(text, "She ", 4) == 0 ? 3 : 4;
    return 0;
}

static bool was_named(const story_state *st, const char *speaker)
{
    for (size_t i = 0; i < st->named_count; i++)
        if (strcmp(st->named[i], speaker) == 0)
            return true;
    return false;
}

static void mark_named(story_state *st, const char *speaker)
{
    if (!was_named(st, speaker) && st->named_count < BCI_ARRAY_LEN(st->named))
        st->named[st->named_count++] = speaker;
}

/* Adds a narrator segment. */
static int narrate(story_state *st, bc_role role, const char *text, size_t length,
                   unsigned pause_after)
{
    bci_segment_spec spec = {.story = st->index, .role = role, .voice = st->b->narrator->name,
                             .display = text, .display_length = length,
                             .pause_after_ms = pause_after};
    int rc = bci_plan_add(st->b, &spec, NULL);
    if (!rc) {
        if (st->current_speaker)
            st->run_sentences = 0;
        st->current_speaker = NULL;
    }
    return rc;
}

/* Writes the name to call `speaker` by into `name`: in full ("Tom Reilly")
 * the first time in the story, short ("Mr Reilly") after that; marks them
 * named. */
static void speaker_name(story_state *st, const char *speaker, char *name, size_t size)
{
    if (was_named(st, speaker))
        bci_short_name(st->doc, speaker, name, size);
    else
        snprintf(name, size, "%s", speaker);
    mark_named(st, speaker);
}

/* Names `speaker` before their quote: "Tom Reilly said:" the first time in
 * the story, "Mr Reilly said:" after that. */
static int name_speaker(story_state *st, const char *speaker, const char *verb)
{
    char name[256];
    speaker_name(st, speaker, name, sizeof name);
    char line[320];
    int n = snprintf(line, sizeof line, "%s %s:", name, verb);
    return narrate(st, BC_ROLE_ATTRIBUTION, line, (size_t)n, BCI_PAUSE_VOICE_CHANGE_MS);
}

static unsigned pause_for(bool last_piece, bool paragraph_ends)
{
    if (!last_piece)
        return 0;
    return paragraph_ends ? BCI_PAUSE_PARAGRAPH_MS : BCI_PAUSE_SENTENCE_MS;
}

/* Plans one selected sentence. */
static int plan_sentence(story_state *st, size_t id, bool paragraph_ends, bool paragraph_starts)
{
    const bc_doc *doc = st->doc;
    const char *text = doc->paragraphs[doc->sentences[id].paragraph].text;
    piece pieces[16];
    size_t count = cut_sentence(doc, id, pieces, BCI_ARRAY_LEN(pieces));
    bool skip_attribution = false; /* the naming made the trailing "he said" redundant */
    const char *introduced = NULL; /* the speaker the last narrator piece named */
    int rc = 0;
    for (size_t k = 0; k < count && !rc; k++) {
        const piece *p = &pieces[k];
        bool last = k + 1 == count;
        const char *s = text + p->start;
        size_t length = p->end - p->start;
        if (!p->quote) {
            introduced = NULL;
            if (!has_letters(s, length))
                continue; /* the "." left after a quote */
            const bc_quote *next = k + 1 < count ? pieces[k + 1].quote : NULL;
            const bc_quote *previous = k > 0 ? pieces[k - 1].quote : NULL;
            if (previous && skip_attribution && is_attribution(s, length, previous->speaker)) {
                skip_attribution = false;
                continue;
            }
            size_t pronoun = next ? pronoun_intro(s, length) : 0;
            if (next && pronoun && !bci_mentions(s, length, next->speaker) &&
                strcmp(st->current_speaker ? st->current_speaker : "", next->speaker) != 0) {
                /* "He said:" → the name, as the article gives it */
                char name[256];
                speaker_name(st, next->speaker, name, sizeof name);
                char line[512];
                int n = snprintf(line, sizeof line, "%s%.*s", name, (int)(length - pronoun),
                                 s + pronoun);
                introduced = next->speaker;
                rc = narrate(st, BC_ROLE_ATTRIBUTION, line, (size_t)n, BCI_PAUSE_VOICE_CHANGE_MS);
                continue;
            }
            bc_role role = (next || previous) && is_attribution(s, length, (next ? next : previous)->speaker)
                               ? BC_ROLE_ATTRIBUTION
                               : BC_ROLE_NARRATION;
            /* people the narrator names here need not be named again */
            for (size_t i = 0; i < doc->quote_count; i++)
                if (doc->quotes[i].speaker && bci_mentions(s, length, doc->quotes[i].speaker))
                    mark_named(st, doc->quotes[i].speaker);
            if (next && bci_mentions(s, length, next->speaker))
                introduced = next->speaker;
            rc = narrate(st, role, s, length,
                         next ? BCI_PAUSE_VOICE_CHANGE_MS : pause_for(last, paragraph_ends));
            continue;
        }
        /* a quote */
        const char *speaker = p->quote->speaker;
        if (p->quote->partial) {
            /* inside the narrator's sentence, which attributes it itself */
            const bc_voice *voice = bci_cast_voice(st->b->cast, speaker);
            bci_segment_spec spec = {.story = st->index, .role = BC_ROLE_QUOTE,
                                     .voice = voice->name, .speaker = speaker, .display = s,
                                     .display_length = length,
                                     .pause_after_ms = last ? pause_for(true, paragraph_ends)
                                                            : PAUSE_PARTIAL_MS};
            if (k > 0 && st->b->plan->segment_count &&
                !st->b->plan->segments[st->b->plan->segment_count - 1].speaker)
                st->b->plan->segments[st->b->plan->segment_count - 1].pause_after_ms =
                    PAUSE_PARTIAL_MS;
            mark_named(st, speaker);
            introduced = NULL;
            rc = bci_plan_add(st->b, &spec, NULL);
            st->current_speaker = speaker;
            st->run_sentences = 0;
            continue;
        }
        bool continuing = st->current_speaker && strcmp(st->current_speaker, speaker) == 0;
        bool long_run = continuing && paragraph_starts && k == 0 &&
                        st->run_sentences >= REIDENTIFY_AFTER_SENTENCES;
        bool named_just_before = introduced && strcmp(introduced, speaker) == 0;
        introduced = NULL;
        if ((!continuing && !named_just_before) || long_run) {
            rc = name_speaker(st, speaker, long_run ? "went on" : "said");
            if (rc)
                break;
            skip_attribution = !long_run;
        }
        const bc_voice *voice = bci_cast_voice(st->b->cast, speaker);
        bci_segment_spec spec = {.story = st->index, .role = BC_ROLE_QUOTE, .voice = voice->name,
                                 .speaker = speaker, .display = s, .display_length = length,
                                 .pause_after_ms = last ? pause_for(true, paragraph_ends)
                                                        : BCI_PAUSE_VOICE_CHANGE_MS};
        rc = bci_plan_add(st->b, &spec, NULL);
        if (!continuing)
            st->run_sentences = 0;
        st->current_speaker = speaker;
        st->run_sentences++;
    }
    return rc;
}

int bci_plan_story(bci_plan_builder *b, int index, const bc_story *story, const char *transition)
{
    const bc_doc *doc = story->doc;
    const bc_article *article = doc->article;
    story_state st = {.b = b, .doc = doc, .index = index};
    char fallback_title[32];
    snprintf(fallback_title, sizeof fallback_title, "Story %d", index + 1);
    const char *chapter = article->title ? article->title : fallback_title;
    size_t first_segment = b->plan->segment_count;
    int rc;

    if (transition && (rc = narrate(&st, BC_ROLE_TRANSITION, transition, strlen(transition),
                                    BCI_PAUSE_SENTENCE_MS)))
        return rc;
    if (article->title) {
        bci_segment_spec spec = {.story = index, .role = BC_ROLE_HEADLINE, .voice = b->headline->name,
                                 .display = article->title, .display_length = strlen(article->title),
                                 .pause_after_ms = BCI_PAUSE_AFTER_HEADLINE_MS,
                                 .rate_percent = HEADLINE_RATE_PERCENT};
        if ((rc = bci_plan_add(b, &spec, NULL)))
            return rc;
    }
    const bc_selection *selection = story->selection;
    size_t previous_paragraph = SIZE_MAX;
    for (size_t k = 0; k < selection->count; k++) {
        size_t id = selection->sentences[k];
        if (id >= doc->sentence_count)
            return BC_EINVAL;
        size_t paragraph = doc->sentences[id].paragraph;
        bool paragraph_ends = k + 1 == selection->count ||
                              doc->sentences[selection->sentences[k + 1]].paragraph != paragraph;
        bool paragraph_starts = paragraph != previous_paragraph;
        previous_paragraph = paragraph;
        if ((rc = plan_sentence(&st, id, paragraph_ends, paragraph_starts)))
            return rc;
    }
    if (b->plan->segment_count > first_segment) {
        bc_segment *opening = &b->plan->segments[first_segment];
        if ((rc = bci_plan_set_chapter(opening, chapter)))
            return rc;
        b->plan->segments[b->plan->segment_count - 1].pause_after_ms = BCI_PAUSE_BETWEEN_STORIES_MS;
    }
    return 0;
}
